package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision Gate's form of {@code export} checks the scenario spec by Decision Gate's rules before
 * anything else (FORMAT §6): each broken rule is {@code invalid_run_data}, exit 2, with a message
 * starting with the rule's stable name, and nothing is written. Specs are written with single
 * quotes here for reading; they become double quotes.
 */
class SpecRulesIT {

  private static final String RULE = "scenario spec breaks rule ";
  private static final String TERMINAL = "{'kind':'terminal'}";

  @TempDir Path temp;

  @BeforeEach
  void writeState() {
    DecisionGateFiles.writeSpecAndState("golden_time_after_pass", temp);
  }

  private CliProcess.Result export(String spec) {
    Fixtures.write(
        temp.resolve("spec.json"), spec.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    return CliProcess.run(
        temp,
        "export",
        "--spec",
        "spec.json",
        "--state",
        "state.json",
        "--output-dir",
        "out",
        "--generated-at-unix-ms",
        "1");
  }

  private void broken(String spec, String message) {
    export(spec).assertFailure(2, "invalid_run_data", message);
    assertFalse(Files.exists(temp.resolve("out")), "nothing written");
  }

  static String spec(String conditions, String... stages) {
    return "{'conditions':["
        + conditions
        + "],'scenario_id':'golden-time-after','stages':["
        + String.join(",", stages)
        + "]}";
  }

  static String condition(String id, String provider, String check) {
    return "{'condition_id':'"
        + id
        + "','query':{'check_id':'"
        + check
        + "','provider_id':'"
        + provider
        + "'}}";
  }

  static String stage(String id, String advance, String packets, String... gates) {
    return "{'advance_to':"
        + advance
        + ",'entry_packets':["
        + packets
        + "],'gates':["
        + String.join(",", gates)
        + "],'stage_id':'"
        + id
        + "'}";
  }

  static String gate(String id, String requirement) {
    return "{'gate_id':'" + id + "','requirement':" + requirement + "}";
  }

  static String packet(String id) {
    return "{'packet_id':'" + id + "'}";
  }

  static final String AFTER = condition("after", "time", "after");
  static final String NEEDS_AFTER = "{'Condition':'after'}";

  @Test
  void specKeepingEveryRuleGoesOnToTheExport() {
    String spec =
        spec(
            AFTER + "," + condition("ci", "ci", "status"),
            stage(
                "s1",
                "{'kind':'branch','branches':[{'gate_id':'g1','outcome':'pass','next_stage_id':'s2'}],"
                    + "'default':null}",
                packet("p1"),
                gate("g1", "{'And':[{'Condition':'after'},{'Not':{'Condition':'ci'}}]}")),
            stage(
                "s2",
                "{'kind':'fixed','stage':'s3'}",
                packet("p2"),
                gate("g2", "{'RequireGroup':{'min':1,'reqs':[{'Or':[{'Condition':'ci'}]}]}}")),
            stage("s3", "{'kind':'branch','branches':[],'default':'s1'}", ""),
            stage("s4", "{'kind':'linear'}", ""));

    export(spec).assertFailureStartingWith(3, "spec_hash_mismatch", "run state spec hash mismatch");
  }

  @Test
  void specWithoutStagesIsRefused() {
    broken(spec(AFTER), RULE + "no_stages: the scenario has no stages");
  }

  @Test
  void stageIdGivenTwiceIsRefused() {
    broken(
        spec(AFTER, stage("s1", TERMINAL, ""), stage("s1", TERMINAL, "")),
        RULE + "duplicate_stage_id: stage id \\\"s1\\\" appears more than once");
  }

  @Test
  void gateIdGivenTwiceAcrossStagesIsRefused() {
    broken(
        spec(
            AFTER,
            stage("s1", TERMINAL, "", gate("g", NEEDS_AFTER)),
            stage("s2", TERMINAL, "", gate("g", NEEDS_AFTER))),
        RULE + "duplicate_gate_id: gate id \\\"g\\\" appears more than once");
  }

  @Test
  void packetIdGivenTwiceIsRefused() {
    broken(
        spec(AFTER, stage("s1", TERMINAL, packet("p")), stage("s2", TERMINAL, packet("p"))),
        RULE + "duplicate_packet_id: packet id \\\"p\\\" appears more than once");
  }

  @Test
  void conditionIdGivenTwiceIsRefused() {
    broken(
        spec(AFTER + "," + condition("after", "ci", "status"), stage("s1", TERMINAL, "")),
        RULE + "duplicate_condition_id: condition id \\\"after\\\" appears more than once");
  }

  @Test
  void conditionWithoutProviderIsRefused() {
    broken(
        spec(condition("c", "", "after"), stage("s1", TERMINAL, "")),
        RULE + "empty_provider_id: condition \\\"c\\\" has an empty query.provider_id");
  }

  @Test
  void conditionWithoutCheckIsRefused() {
    broken(
        spec(condition("c", "time", ""), stage("s1", TERMINAL, "")),
        RULE + "empty_check_id: condition \\\"c\\\" has an empty query.check_id");
  }

  @Test
  void requirementNamingAnUnknownConditionIsRefused() {
    broken(
        spec(
            AFTER,
            stage(
                "s1",
                TERMINAL,
                "",
                gate("g", "{'And':[{'Condition':'after'},{'Not':{'Condition':'nope'}}]}"))),
        RULE
            + "unknown_condition: gate \\\"g\\\" requires condition \\\"nope\\\", which the"
            + " scenario does not define");
  }

  @Test
  void fixedAdvanceToAnUnknownStageIsRefused() {
    broken(
        spec(AFTER, stage("s1", "{'kind':'fixed','stage':'nowhere'}", "")),
        RULE
            + "unknown_stage: stage \\\"s1\\\" advances to stage \\\"nowhere\\\", which the"
            + " scenario does not define");
  }

  @Test
  void branchToAnUnknownStageIsRefused() {
    broken(
        spec(
            AFTER,
            stage(
                "s1",
                "{'kind':'branch','branches':[{'gate_id':'g','outcome':'pass',"
                    + "'next_stage_id':'nowhere'}],'default':null}",
                "",
                gate("g", NEEDS_AFTER))),
        RULE
            + "unknown_stage: stage \\\"s1\\\" advances to stage \\\"nowhere\\\", which the"
            + " scenario does not define");
  }

  @Test
  void branchDefaultToAnUnknownStageIsRefused() {
    broken(
        spec(AFTER, stage("s1", "{'kind':'branch','branches':[],'default':'nowhere'}", "")),
        RULE
            + "unknown_stage: stage \\\"s1\\\" advances to stage \\\"nowhere\\\", which the"
            + " scenario does not define");
  }

  @Test
  void branchOnAGateOfAnotherStageIsRefused() {
    broken(
        spec(
            AFTER,
            stage(
                "s1",
                "{'kind':'branch','branches':[{'gate_id':'g2','outcome':'pass',"
                    + "'next_stage_id':'s2'}],'default':null}",
                "",
                gate("g1", NEEDS_AFTER)),
            stage("s2", TERMINAL, "", gate("g2", NEEDS_AFTER))),
        RULE
            + "branch_gate_not_in_stage: a branch of stage \\\"s1\\\" names gate \\\"g2\\\","
            + " which is not a gate of that stage");
  }

  @Test
  void specWhoseShapeTheRulesCannotReadIsRefusedNamingTheMember() {
    broken(
        spec(AFTER, stage("s1", TERMINAL, "", gate("g", "{'Maybe':'after'}"))),
        "spec.stages[0].gates[0].requirement has unknown requirement kind \\\"Maybe\\\"");
  }
}

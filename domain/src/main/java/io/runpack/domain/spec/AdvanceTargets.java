package io.runpack.domain.spec;

import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonValue;
import java.util.HashSet;
import java.util.Set;

/**
 * A stage's {@code advance_to} as Decision Gate serializes it, tagged by {@code kind}: {@code
 * linear}, {@code terminal}, {@code fixed} ({@code stage}) or {@code branch} ({@code branches}:
 * {@code [{gate_id, outcome, next_stage_id}]}, and {@code default}: a stage id or null). Checks
 * that every stage it names exists and that every branch rule's gate is a gate of the stage.
 */
final class AdvanceTargets {

  private AdvanceTargets() {}

  static void check(JsonFields stage, Set<String> stageIds) {
    String stageId = stage.string("stage_id");
    JsonFields advance = stage.object("advance_to");
    String kind = advance.string("kind");
    switch (kind) {
      case "linear", "terminal" -> {
        // names no stage
      }
      case "fixed" -> requireStage(advance.string("stage"), stageId, stageIds);
      case "branch" -> {
        Set<String> gates = new HashSet<>();
        for (JsonFields gate : ScenarioSpecRules.each(stage, "gates")) {
          gates.add(gate.string("gate_id"));
        }
        for (JsonFields branch : ScenarioSpecRules.each(advance, "branches")) {
          String gateId = branch.string("gate_id");
          if (!gates.contains(gateId)) {
            throw ScenarioSpecRules.broken(
                SpecRule.BRANCH_GATE_NOT_IN_STAGE,
                "a branch of stage "
                    + ScenarioSpecRules.quoted(stageId)
                    + " names gate "
                    + ScenarioSpecRules.quoted(gateId)
                    + ", which is not a gate of that stage");
          }
          requireStage(branch.string("next_stage_id"), stageId, stageIds);
        }
        JsonValue fallback = advance.has("default") ? advance.value("default") : JsonNull.INSTANCE;
        if (fallback != JsonNull.INSTANCE) {
          requireStage(advance.string("default"), stageId, stageIds);
        }
      }
      default ->
          throw advance.fail(
              advance.path()
                  + ".kind must be linear, fixed, branch or terminal, not "
                  + ScenarioSpecRules.quoted(kind));
    }
  }

  private static void requireStage(String target, String stageId, Set<String> stageIds) {
    if (!stageIds.contains(target)) {
      throw ScenarioSpecRules.broken(
          SpecRule.UNKNOWN_STAGE,
          "stage "
              + ScenarioSpecRules.quoted(stageId)
              + " advances to stage "
              + ScenarioSpecRules.quoted(target)
              + ", which the scenario does not define");
    }
  }
}

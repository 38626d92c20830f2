package io.runpack.adapters.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FORMAT §3.5 through a real export: with an anchor policy configured, the manifest records it and
 * the verifier checks each evidence anchor of the providers it names, with Decision Gate's
 * messages. The reference run's condition {@code after} is answered by provider {@code time}.
 */
class AnchorPolicyTest {

  private static final String WHERE = "(trigger trigger-1, stage stage-1)";
  private static final String ANCHOR = "\"anchor_value\": \"2\"";

  @TempDir Path temp;

  @Test
  void manifestRecordsThePolicyAndAWellFormedAnchorPasses() {
    ExportResult result =
        export(
            ANCHOR.replace("\"2\"", "\"{\\\"logical\\\":2}\""),
            policy("trigger_time_logical", "logical"));

    assertEquals(List.of(), result.report().get().errors());
    assertEquals(
        Optional.of(policy("trigger_time_logical", "logical")), result.manifest().anchorPolicy());
    assertTrue(
        new String(Fixtures.read(temp.resolve("out/manifest.json")), StandardCharsets.UTF_8)
            .contains(
                "\"anchor_policy\":{\"providers\":[{\"anchor_type\":\"trigger_time_logical\","
                    + "\"provider_id\":\"time\",\"required_fields\":[\"logical\"]}]}"));
    VerificationReport offline = LocalRunpack.verify(temp.resolve("out"));
    assertEquals(List.of(), offline.errors());
    assertEquals(8, offline.checkedFiles());
  }

  @Test
  void anAnchorValueThatIsJsonButNotCanonicalPasses() {
    // Decision Gate parses anchor_value (FORMAT §3.5): whitespace and unsorted members are JSON
    ExportResult result =
        export(
            ANCHOR.replace("\"2\"", "\"{ \\\"z\\\": 1.0, \\\"logical\\\": 2 }\""),
            policy("trigger_time_logical", "logical"));

    assertEquals(List.of(), result.report().get().errors());
    assertEquals(List.of(), LocalRunpack.verify(temp.resolve("out")).errors());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"anchor_value\": \"2\"|anchor_value must be a JSON object",
        "\"anchor_value\": \"{\\\"logical\\\":2,\\\"logical\\\":3}\"|anchor_value must be canonical JSON",
        "\"anchor_value\": \"{\\\"logical\\\":\"|anchor_value must be canonical JSON",
        "\"anchor_value\": 7|anchor_value must be canonical JSON",
        "\"anchor_value\": \"{}\"|anchor field logical missing",
        "\"anchor_value\": \"{\\\"logical\\\":null}\"|anchor field logical must be set",
        "\"anchor_value\": \"{\\\"logical\\\":[2]}\"|anchor field logical must be scalar",
        "\"anchor_value\": \"{\\\"logical\\\":{}}\"|anchor field logical must be scalar",
        "\"anchor_value\": \"{\\\"logical\\\":true}\"|anchor field logical must be string or number",
      })
  void malformedAnchorsAreReported(String anchor, String why) {
    ExportResult result = export(anchor, policy("trigger_time_logical", "logical"));

    List<String> expected = List.of("anchor invalid for condition after " + WHERE + ": " + why);
    assertEquals(expected, result.report().get().errors());
    assertEquals("fail", result.report().get().status());
    assertEquals(
        expected, LocalRunpack.verify(temp.resolve("out")).errors(), "offline verify agrees");
  }

  @Test
  void anchorOfAnotherTypeIsReported() {
    ExportResult result = export(ANCHOR, policy("block_height", "height"));

    assertEquals(
        List.of(
            "anchor invalid for condition after "
                + WHERE
                + ": anchor_type mismatch: expected block_height got trigger_time_logical"),
        result.report().get().errors());
  }

  @Test
  void missingAnchorIsReported() {
    String bundle =
        bundle()
            .replace(
                "\"evidence_anchor\": {\n                \"anchor_type\": \"trigger_time_logical\",\n                \"anchor_value\": \"2\"\n              },",
                "\"evidence_anchor\": null,");

    ExportResult result = exportBundle(bundle, policy("trigger_time_logical", "logical"));

    assertEquals(
        List.of("anchor invalid for condition after " + WHERE + ": missing evidence_anchor"),
        result.report().get().errors());
  }

  @Test
  void evidenceForAConditionTheSpecLacksIsReported() {
    String bundle =
        bundle()
            .replace(
                "\"condition_id\": \"after\",\n            \"result\"",
                "\"condition_id\": \"ghost\",\n            \"result\"");

    ExportResult result = exportBundle(bundle, policy("trigger_time_logical", "logical"));

    assertEquals(
        List.of("condition ghost missing from scenario spec " + WHERE),
        result.report().get().errors());
  }

  @Test
  void evidenceThatFailedIsNotChecked() {
    String bundle =
        bundle()
            .replace(
                "\"error\": null,\n              \"evidence_anchor\"",
                "\"error\": \"timeout\",\n              \"evidence_anchor\"");

    ExportResult result = exportBundle(bundle, policy("trigger_time_logical", "logical"));

    assertEquals(List.of(), result.report().get().errors());
  }

  @Test
  void providersThePolicyDoesNotNameAreNotChecked() {
    AnchorPolicy other =
        new AnchorPolicy(
            List.of(new AnchorPolicy.Requirement("chain", "block_height", List.of("height"))));

    ExportResult result = export(ANCHOR, other);

    assertEquals(List.of(), result.report().get().errors());
  }

  @Test
  void policyWithoutProvidersIsNotRecorded() {
    ExportResult result = export(ANCHOR, new AnchorPolicy(List.of()));

    assertEquals(Optional.empty(), result.manifest().anchorPolicy());
  }

  private static AnchorPolicy policy(String anchorType, String field) {
    return new AnchorPolicy(
        List.of(new AnchorPolicy.Requirement("time", anchorType, List.of(field))));
  }

  private static String bundle() {
    return new String(
        Fixtures.read(Fixtures.runBundle("golden_visibility_packet")), StandardCharsets.UTF_8);
  }

  private ExportResult export(String anchor, AnchorPolicy policy) {
    String bundle = bundle();
    assertTrue(bundle.contains(ANCHOR));
    return exportBundle(bundle.replace(ANCHOR, anchor), policy);
  }

  private ExportResult exportBundle(String bundle, AnchorPolicy policy) {
    LocalRunpack local =
        new LocalRunpack(
            temp.resolve("store"), new ExportSettings(Optional.empty(), Optional.of(policy)));
    local.putBundle(bundle.getBytes(StandardCharsets.UTF_8));
    return local.export(
        LocalRunpack.request(Fixtures.request("golden_visibility_packet"), temp.resolve("out")));
  }
}

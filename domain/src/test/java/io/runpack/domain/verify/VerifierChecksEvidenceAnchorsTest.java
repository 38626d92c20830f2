package io.runpack.domain.verify;

import static io.runpack.domain.verify.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.VerificationReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FORMAT §3.5: with an anchor policy that has providers, every successful evidence result of a
 * provider the policy names must carry an anchor of the required type whose value is canonical JSON
 * of an object with every required field a string or number; each defect is reported with Decision
 * Gate's message. Without such a policy anchors are not looked at. The small run's condition {@code
 * after} belongs to provider {@code time}; gate-eval logs here are forged (hashes right).
 */
class VerifierChecksEvidenceAnchorsTest {

  private static final String GATE_EVALS = "artifacts/gate_evals.json";
  private static final String TIME_POLICY =
      "{\"providers\":[{\"anchor_type\":\"trigger_time_logical\",\"provider_id\":\"time\","
          + "\"required_fields\":[\"logical\"]}]}";
  private static final String WHERE = "(trigger t1, stage main)";

  /** A gate-eval log of trigger t1 in stage main with these evidence items. */
  private static String gateEvals(String... evidence) {
    return "[{\"evidence\":["
        + String.join(",", evidence)
        + "],\"stage_id\":\"main\",\"trigger_id\":\"t1\"}]";
  }

  private static String evidence(String conditionId, String result) {
    return "{\"condition_id\":\"" + conditionId + "\",\"result\":" + result + "}";
  }

  /** A successful result carrying this anchor value (JSON text of the member's value). */
  private static String anchored(String anchorType, String anchorValue) {
    return "{\"error\":null,\"evidence_anchor\":{\"anchor_type\":\""
        + anchorType
        + "\",\"anchor_value\":"
        + anchorValue
        + "}}";
  }

  private static VerificationReport verifyWith(String policy, String gateEvals) {
    Map<String, byte[]> files =
        SmallRun.standard()
            .with(GATE_EVALS, gateEvals, gateEvals)
            .runpack()
            .anchorPolicy(policy)
            .files();
    return verify(files);
  }

  private static VerificationReport errors(String... errors) {
    return new VerificationReport(7, List.of(errors));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"{\\\"logical\\\":5}\"",
        "\"{\\\"logical\\\":\\\"5\\\"}\"",
        "\"{\\\"logical\\\":-1.5,\\\"other\\\":true}\"",
        // JSON, not canonical: Decision Gate parses the value, and so does the verifier
        "\"{\\\"logical\\\": 5}\"",
        "\"{\\\"logical\\\":5.0}\"",
        "\"{\\\"other\\\":1,\\\"logical\\\":1e21} \"",
        "\" {\\\"logical\\\":\\\"\\\\u0035\\\"}\""
      })
  void anAnchorWithTheRequiredFieldsPasses(String anchorValue) {
    assertEquals(
        errors(),
        verifyWith(
            TIME_POLICY,
            gateEvals(evidence("after", anchored("trigger_time_logical", anchorValue)))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"{\\\"logical\\\":5,\\\"logical\\\":6}\"|anchor_value must be canonical JSON",
        "\"{\\\"logical\\\":5\"|anchor_value must be canonical JSON",
        "\"\"|anchor_value must be canonical JSON",
        "\"not json\"|anchor_value must be canonical JSON",
        "5|anchor_value must be canonical JSON",
        "{\"logical\":5}|anchor_value must be canonical JSON",
        "\"[5]\"|anchor_value must be a JSON object",
        "\"5\"|anchor_value must be a JSON object",
        "\"{\\\"logical\\\":true}\"|anchor field logical must be string or number",
        "\"{\\\"logical\\\":null}\"|anchor field logical must be set",
        "\"{\\\"logical\\\":[5]}\"|anchor field logical must be scalar",
        "\"{\\\"logical\\\":{}}\"|anchor field logical must be scalar",
        "\"{\\\"wall\\\":5}\"|anchor field logical missing"
      })
  void aDefectiveAnchorValueIsReported(String anchorValue, String why) {
    assertEquals(
        errors("anchor invalid for condition after " + WHERE + ": " + why),
        verifyWith(
            TIME_POLICY,
            gateEvals(evidence("after", anchored("trigger_time_logical", anchorValue)))));
  }

  @Test
  void anAnchorOfAnotherTypeIsReported() {
    assertEquals(
        errors(
            "anchor invalid for condition after "
                + WHERE
                + ": anchor_type mismatch: expected trigger_time_logical got wall_clock"),
        verifyWith(
            TIME_POLICY,
            gateEvals(evidence("after", anchored("wall_clock", "\"{\\\"logical\\\":5}\"")))));
  }

  @Test
  void aMissingAnchorIsReported() {
    String why = "anchor invalid for condition after " + WHERE + ": missing evidence_anchor";
    assertEquals(
        errors(why), verifyWith(TIME_POLICY, gateEvals(evidence("after", "{\"error\":null}"))));
    assertEquals(
        errors(why),
        verifyWith(
            TIME_POLICY,
            gateEvals(evidence("after", "{\"error\":null,\"evidence_anchor\":null}"))));
  }

  @Test
  void aConditionTheSpecDoesNotHaveIsReported() {
    assertEquals(
        errors("condition ghost missing from scenario spec " + WHERE),
        verifyWith(
            TIME_POLICY,
            gateEvals(
                evidence("ghost", anchored("trigger_time_logical", "\"{\\\"logical\\\":5}\"")))));
  }

  @Test
  void everyDefectIsReportedInLogOrder() {
    assertEquals(
        errors(
            "anchor invalid for condition after " + WHERE + ": missing evidence_anchor",
            "condition ghost missing from scenario spec " + WHERE,
            "anchor invalid for condition after " + WHERE + ": anchor field logical missing"),
        verifyWith(
            TIME_POLICY,
            gateEvals(
                evidence("after", "{\"error\":null}"),
                evidence("ghost", "{\"error\":null}"),
                evidence("after", anchored("trigger_time_logical", "\"{}\"")))));
  }

  @Test
  void resultsWithAnErrorAreNotChecked() {
    assertEquals(
        errors(),
        verifyWith(
            TIME_POLICY,
            gateEvals(
                evidence("ghost", "{\"error\":{\"code\":\"timeout\"}}"),
                evidence("after", "{\"error\":\"unavailable\"}"))));
  }

  @Test
  void providersThePolicyDoesNotNameAreNotChecked() {
    String clockPolicy =
        "{\"providers\":[{\"anchor_type\":\"wall\",\"provider_id\":\"clock\","
            + "\"required_fields\":[\"ms\"]}]}";
    assertEquals(
        errors(), verifyWith(clockPolicy, gateEvals(evidence("after", "{\"error\":null}"))));
  }

  @Test
  void withoutAPolicyWithProvidersAnchorsAreNotLookedAt() {
    String broken = gateEvals(evidence("ghost", "{\"error\":null}"));
    assertEquals(errors(), verifyWith(null, broken));
    assertEquals(errors(), verifyWith("{\"providers\":[]}", broken));
  }

  @Test
  void anUnreadableGateEvalLogIsReportedAsTheDecisionLogIs() {
    Map<String, byte[]> files = SmallRun.standard().runpack().anchorPolicy(TIME_POLICY).files();
    files.remove(GATE_EVALS);
    assertEquals(
        new VerificationReport(
            6,
            List.of(
                "artifact read failed for artifacts/gate_evals.json: no such file",
                "gate eval log read failed: no such file")),
        verify(files));
  }
}

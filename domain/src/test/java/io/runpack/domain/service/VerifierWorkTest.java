package io.runpack.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verifier's work is proportional to its input (issue 12, finding 4): a file a manifest lists
 * many times is read once, the logs it parses are read once and hashed from the same bytes, and a
 * report never grows past its limit however many errors a small hostile log yields.
 */
class VerifierWorkTest {

  private final RunpackVerifier verifier = new RunpackVerifier();

  @Test
  void aFileListedAThousandTimesIsReadOnce() {
    Runpacks runpack = Runpacks.withEmptyDecisionLog().file("artifacts/big.json", "[1,2,3]");
    for (int i = 0; i < 1000; i++) {
      runpack.list("artifacts/big.json");
    }
    Runpacks.CountingReader reader = runpack.reader();

    VerificationReport report = verifier.verify(runpack.manifest(), reader);

    assertEquals(List.of(), report.errors());
    assertEquals(1001, report.checkedFiles());
    assertEquals(Map.of("artifacts/big.json", 1, RunLog.DECISIONS.path(), 1), reader.reads);
  }

  @Test
  void theLogsItParsesAreReadOnceAndHashedFromTheBytesChecked() {
    Runpacks runpack =
        Runpacks.withEmptyDecisionLog()
            .file(RunLog.SCENARIO_SPEC_PATH, "{\"conditions\":[]}")
            .file(RunLog.GATE_EVALS.path(), "[]")
            .list(RunLog.SCENARIO_SPEC_PATH)
            .list(RunLog.GATE_EVALS.path())
            .list(RunLog.GATE_EVALS.path());
    runpack.policy =
        Optional.of(new AnchorPolicy(List.of(new AnchorPolicy.Requirement("p", "t", List.of()))));
    Runpacks.CountingReader reader = runpack.reader();

    VerificationReport report = verifier.verify(runpack.manifest(), reader);

    assertEquals(List.of(), report.errors());
    assertEquals(
        Map.of(
            RunLog.DECISIONS.path(), 1, RunLog.SCENARIO_SPEC_PATH, 1, RunLog.GATE_EVALS.path(), 1),
        reader.reads);
  }

  @Test
  void aReportListsAtMostItsLimitOfErrorTextAndCountsTheRest() {
    String trigger = "t".repeat(10_000);
    StringBuilder evidence = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      evidence.append(i == 0 ? "" : ",").append("{\"condition_id\":\"ghost\",\"result\":{}}");
    }
    Runpacks runpack =
        Runpacks.withEmptyDecisionLog()
            .file(RunLog.SCENARIO_SPEC_PATH, "{\"conditions\":[]}")
            .file(
                RunLog.GATE_EVALS.path(),
                "[{\"evidence\":["
                    + evidence
                    + "],\"stage_id\":\"s\",\"trigger_id\":\""
                    + trigger
                    + "\"}]");
    runpack.policy =
        Optional.of(new AnchorPolicy(List.of(new AnchorPolicy.Requirement("p", "t", List.of()))));

    List<String> errors = verifier.verify(runpack.manifest(), runpack.reader()).errors();

    String each = "condition ghost missing from scenario spec (trigger " + trigger + ", stage s)";
    int listed = ReportErrors.MAX_CHARS / each.length();
    List<String> expected = new ArrayList<>(java.util.Collections.nCopies(listed, each));
    expected.add(
        (500 - listed)
            + " more errors not listed: a report lists at most 1048576 characters of errors");
    assertEquals(expected, errors);
  }

  @Test
  void aPathWithALoneSurrogateIsAReadFailureAndARootHashMismatchInAWellFormedReport() {
    Runpacks runpack = Runpacks.withEmptyDecisionLog().list("artifacts/\uDC00.json");

    VerificationReport report = verifier.verify(runpack.manifest(), runpack.reader());

    assertEquals(
        List.of(
            "artifact read failed for artifacts/\uFFFD.json: unsafe path: is not well-formed"
                + " Unicode (lone surrogate)",
            "root hash mismatch"),
        report.errors());
    assertTrue(io.runpack.json.Utf16.isWellFormed(String.join("", report.errors())));
  }
}

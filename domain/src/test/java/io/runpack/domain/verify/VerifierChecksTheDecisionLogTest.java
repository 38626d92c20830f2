package io.runpack.domain.verify;

import static io.runpack.domain.verify.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.VerificationReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FORMAT §3.4: {@code artifacts/decisions.json} is always read, listed or not: {@code decision log
 * read failed: <reason>}, {@code invalid decision log: <reason>}, or {@code duplicate decision for
 * trigger <id>} for the first trigger id seen twice. Logs here are forged: their hashes are right.
 */
class VerifierChecksTheDecisionLogTest {

  private static final String DECISIONS = "artifacts/decisions.json";

  /** The small run's runpack with this decision log, every hash recomputed. */
  private static Map<String, byte[]> forged(String decisions) {
    return SmallRun.standard().with(DECISIONS, decisions, decisions).runpack().files();
  }

  @Test
  void aMissingDecisionLogIsAReadFailure() {
    Map<String, byte[]> files = SmallRun.standard().runpack().files();
    files.remove(DECISIONS);
    assertEquals(
        new VerificationReport(
            6,
            List.of(
                "artifact read failed for artifacts/decisions.json: no such file",
                "decision log read failed: no such file")),
        verify(files));
  }

  @Test
  void aDecisionLogThatStorageCannotReadIsAReadFailureWithItsReason() {
    FakeRunpackReader reader =
        new FakeRunpackReader(SmallRun.standard().runpack().files())
            .failing(DECISIONS, new RunpackException(ErrorCode.STORAGE_ERROR, "timed out"));
    assertEquals(
        new VerificationReport(
            6,
            List.of(
                "artifact read failed for artifacts/decisions.json: timed out",
                "decision log read failed: timed out")),
        verify(reader));
  }

  @Test
  void theDecisionLogIsReadEvenWhenTheManifestDoesNotListIt() {
    String duplicate = "[{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t1\"}]";
    Map<String, byte[]> files =
        SmallRun.standard()
            .with(DECISIONS, duplicate, duplicate)
            .runpack()
            .without(DECISIONS)
            .files();
    files.put(DECISIONS, Verifications.utf8(duplicate));
    assertEquals(
        new VerificationReport(6, List.of("duplicate decision for trigger t1")), verify(files));

    Map<String, byte[]> absent = SmallRun.standard().runpack().without(DECISIONS).files();
    assertEquals(
        new VerificationReport(6, List.of("decision log read failed: no such file")),
        verify(absent));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"trigger_id\":\"t1\"}",
        "not json",
        "",
        "{\"trigger_id\":\"t1\"}",
        "\"t1\"",
        "[1]",
        "[{\"trigger_id\":\"t1\"},{\"trigger_id\":7}]",
        "[{\"trigger\":\"t1\"}]",
        "[{\"trigger_id\":null}]"
      })
  void aDecisionLogThatIsNotAnArrayOfRecordsWithTriggerIdsIsInvalid(String decisions) {
    VerificationReport report = verify(forged(decisions));
    assertEquals(7, report.checkedFiles());
    assertEquals(1, report.errors().size(), report.toString());
    String error = report.errors().get(0);
    assertTrue(
        error.startsWith("invalid decision log: ") && error.length() > 22, report.toString());
  }

  @Test
  void aTriggerWithTwoDecisionsIsReported() {
    assertEquals(
        new VerificationReport(7, List.of("duplicate decision for trigger t1")),
        verify(
            forged("[{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t2\"},{\"trigger_id\":\"t1\"}]")));
  }

  @Test
  void onlyTheFirstTriggerSeenTwiceIsReported() {
    assertEquals(
        new VerificationReport(7, List.of("duplicate decision for trigger t1")),
        verify(
            forged(
                "[{\"trigger_id\":\"t2\"},{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t1\"},"
                    + "{\"trigger_id\":\"t2\"}]")));
  }

  @Test
  void distinctTriggersAndAnEmptyLogPass() {
    assertEquals(
        new VerificationReport(7, List.of()),
        verify(
            forged("[{\"trigger_id\":\"t1\"},{\"trigger_id\":\"T1\"},{\"trigger_id\":\"t1 \"}]")));
    assertEquals(new VerificationReport(7, List.of()), verify(forged("[]")));
  }
}

package io.runpack.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.model.Limits;
import io.runpack.domain.model.RunLog;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonStream;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core benchmark compares like with like: the generated logs are the same bytes every time,
 * Runpack and the JCS baseline produce the same canonical bytes from them, and the streaming copy
 * baseline carries every token.
 */
class BaselinesTest {

  private static final int SIZE = 256 * 1024;

  @ParameterizedTest
  @EnumSource(RunLog.class)
  void generatedLogsAreTheSameBytesForTheSameSeedAndFillTheirSize(RunLog log) {
    byte[] document = DecisionGateLogs.logDocument(log, SIZE, 7);
    assertArrayEquals(document, DecisionGateLogs.logDocument(log, SIZE, 7));
    assertTrue(
        document.length <= SIZE && document.length > SIZE * 9 / 10, "size " + document.length);
  }

  @ParameterizedTest
  @EnumSource(CoreLog.class)
  void coreLogsAreTheSameBytesForTheSameSeedAndFillTheirSize(CoreLog log) {
    byte[] document = log.document(SIZE, 7);
    assertArrayEquals(document, log.document(SIZE, 7));
    assertTrue(
        document.length <= SIZE && document.length > SIZE * 9 / 10, "size " + document.length);
  }

  @ParameterizedTest
  @EnumSource(RunLog.class)
  void runpackAndTheJcsBaselineAgreeOnTheCanonicalBytes(RunLog log) throws Exception {
    assertAgreement(DecisionGateLogs.logDocument(log, SIZE, 11));
  }

  @ParameterizedTest
  @EnumSource(CoreLog.class)
  void runpackAndTheJcsBaselineAgreeOnEveryLogOfTheExportCore(CoreLog log) throws Exception {
    assertAgreement(log.document(SIZE, 11));
  }

  private static void assertAgreement(byte[] document) throws Exception {
    byte[] runpack = CanonicalJson.canonicalize(document, Limits.MAX_ARTIFACT_BYTES);
    assertArrayEquals(new JsonCanonicalizer(document).getEncodedUTF8(), runpack);
    assertFalse(
        java.util.Arrays.equals(runpack, document), "generated logs are not already canonical");
  }

  @ParameterizedTest
  @EnumSource(CoreLog.class)
  void eachBenchmarkHashesWhatItProduced(CoreLog log) throws Exception {
    ExportCoreBenchmark benchmark = new ExportCoreBenchmark();
    benchmark.bytes = SIZE;
    benchmark.log = log;
    benchmark.generate();
    byte[] canonical = CanonicalJson.canonicalize(benchmark.document(), Limits.MAX_ARTIFACT_BYTES);
    assertArrayEquals(ExportCoreBenchmark.sha256(canonical), benchmark.runpack());
    assertArrayEquals(benchmark.runpack(), benchmark.erdtmanJcs());
    assertArrayEquals(benchmark.runpack(), benchmark.runpackTreeRoundTrip());
    assertEquals(32, benchmark.floorJacksonStreamingCopy().length);
    long tokens = 0;
    for (JsonStream stream = JsonStream.of(benchmark.document()); stream.next() != null; ) {
      tokens++;
    }
    assertEquals(tokens, benchmark.jacksonTokensOnly());
  }
}

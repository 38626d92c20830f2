package io.runpack.domain.verify;

import static io.runpack.domain.verify.Verifications.LIMIT;
import static io.runpack.domain.verify.Verifications.utf8;
import static io.runpack.domain.verify.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.VerificationReport;
import io.runpack.json.CanonicalJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §3.2: every file-hash entry is read (at most 16 MiB) and hashed; a read error is {@code
 * artifact read failed for <path>: <reason>}, other bytes are {@code hash mismatch for <path>}, and
 * only successful reads count in {@code checked_files}. Every error is collected.
 */
class VerifierChecksEveryListedFileTest {

  private static Map<String, byte[]> intact() {
    return SmallRun.standard().runpack().files();
  }

  @Test
  void anIntactRunpackPassesWithEveryFileChecked() {
    VerificationReport report = verify(intact());
    assertEquals(new VerificationReport(7, List.of()), report);
    assertEquals(
        "{\"checked_files\":7,\"errors\":[],\"status\":\"pass\"}",
        Verifications.text(CanonicalJson.toBytes(report.toJson())));
  }

  @Test
  void changedBytesAreAHashMismatchAndStillCounted() {
    Map<String, byte[]> files = intact();
    files.put("artifacts/triggers.json", utf8("[]"));
    assertEquals(
        new VerificationReport(7, List.of("hash mismatch for artifacts/triggers.json")),
        verify(files));
  }

  @Test
  void aMissingFileIsAReadFailureNotCounted() {
    Map<String, byte[]> files = intact();
    files.remove("artifacts/packets.json");
    assertEquals(
        new VerificationReport(
            6, List.of("artifact read failed for artifacts/packets.json: no such file")),
        verify(files));
  }

  @Test
  void aStorageFailureIsAReadFailureWithStoragesReason() {
    FakeRunpackReader reader =
        new FakeRunpackReader(intact())
            .failing(
                "artifacts/tool_calls.json",
                new RunpackException(ErrorCode.STORAGE_ERROR, "connection reset"));
    assertEquals(
        new VerificationReport(
            6, List.of("artifact read failed for artifacts/tool_calls.json: connection reset")),
        verify(reader));
  }

  @Test
  void anUnsafeListedPathIsAReadFailure() {
    Map<String, byte[]> files =
        SmallRun.standard().runpack().plus("../outside.json", "custom", utf8("[]")).files();
    assertEquals(
        new VerificationReport(7, List.of("artifact read failed for ../outside.json: unsafe path")),
        verify(files));
  }

  @Test
  void aFileOver16MiBIsAReadFailure() {
    Map<String, byte[]> files = intact();
    files.put("artifacts/triggers.json", new byte[LIMIT + 1]);
    assertEquals(
        new VerificationReport(
            6, List.of("artifact read failed for artifacts/triggers.json: over 16777216 bytes")),
        verify(files));
  }

  @Test
  void everyReadIsBoundedBy16MiB() {
    FakeRunpackReader reader = new FakeRunpackReader(intact());
    verify(reader);
    assertEquals(8, reader.reads().stream().map(FakeRunpackReader.Read::path).distinct().count());
    reader.reads().forEach(read -> assertEquals(LIMIT, read.maxBytes(), read.path()));
  }

  @Test
  void everyErrorIsCollectedInFormatOrder() {
    SmallRun run =
        SmallRun.standard()
            .with(
                "artifacts/decisions.json",
                "[{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t1\"}]",
                "[{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t1\"}]");
    Map<String, byte[]> files = SmallRun.standard().runpack().files();
    files.put("artifacts/triggers.json", utf8("[]"));
    files.put("artifacts/decisions.json", run.artifact("artifacts/decisions.json").bytes());
    files.remove("artifacts/packets.json");
    String manifest = Verifications.text(files.get("manifest.json"));
    String root = SmallRun.standard().runpack().rootHash();
    files.put("manifest.json", utf8(manifest.replace(root, "0" + root.substring(1))));
    assertEquals(
        new VerificationReport(
            6,
            List.of(
                "hash mismatch for artifacts/triggers.json",
                "hash mismatch for artifacts/decisions.json",
                "artifact read failed for artifacts/packets.json: no such file",
                "root hash mismatch",
                "duplicate decision for trigger t1")),
        verify(files));
  }
}

package io.runpack.adapters.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.model.VerificationReport;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering with a Decision Gate runpack is caught, with Decision Gate's messages.
 */
class TamperDetectionTest {

  @TempDir Path runpack;

  @BeforeEach
  void copyGolden() {
    Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), runpack);
  }

  @Test
  void changedArtifactByteIsAHashMismatch() throws IOException {
    Path triggers = runpack.resolve("artifacts/triggers.json");
    byte[] bytes = Files.readAllBytes(triggers);
    bytes[10] ^= 1;
    Files.write(triggers, bytes);

    assertFails(8, "hash mismatch for artifacts/triggers.json");
  }

  @Test
  void missingArtifactIsAReadFailure() throws IOException {
    Files.delete(runpack.resolve("artifacts/packets.json"));

    assertFails(7, "artifact read failed for artifacts/packets.json: no such file");
  }

  @Test
  void missingDecisionLogFailsBothChecks() throws IOException {
    Files.delete(runpack.resolve("artifacts/decisions.json"));

    assertFails(
        7,
        "artifact read failed for artifacts/decisions.json: no such file",
        "decision log read failed: no such file");
  }

  @Test
  void truncatedArtifactIsAHashMismatch() throws IOException {
    Path gateEvals = runpack.resolve("artifacts/gate_evals.json");
    byte[] bytes = Files.readAllBytes(gateEvals);
    Files.write(gateEvals, Arrays.copyOf(bytes, bytes.length - 1));

    assertFails(8, "hash mismatch for artifacts/gate_evals.json");
  }

  @Test
  void artifactWithAnExtraByteIsAHashMismatch() throws IOException {
    Path toolCalls = runpack.resolve("artifacts/tool_calls.json");
    Files.write(toolCalls, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);

    assertFails(8, "hash mismatch for artifacts/tool_calls.json");
  }

  @Test
  void changedRootHashIsARootHashMismatch() throws IOException {
    Manifest manifest = manifest();
    String root = manifest.integrity().rootHash().value();
    replaceInManifest(
        "\"root_hash\":{\"algorithm\":\"sha256\",\"value\":\"" + root,
        "\"root_hash\":{\"algorithm\":\"sha256\",\"value\":\"" + flipLastHexDigit(root));

    assertFails(8, "root hash mismatch");
  }

  @Test
  void changedFileHashEntryIsAHashAndRootMismatch() throws IOException {
    String manifest = Files.readString(runpack.resolve("manifest.json"));
    String hash = manifest().integrity().fileHashes().get(1).hash().value();
    int entries = manifest.indexOf("\"file_hashes\"");
    int at = manifest.indexOf(hash, entries);
    String changed =
        manifest.substring(0, at) + flipLastHexDigit(hash) + manifest.substring(at + hash.length());
    Files.writeString(runpack.resolve("manifest.json"), changed);

    assertFails(8, "hash mismatch for artifacts/triggers.json", "root hash mismatch");
  }

  @Test
  void duplicateDecisionIsCaughtEvenWithEveryHashRecomputed() throws IOException {
    Path decisions = runpack.resolve("artifacts/decisions.json");
    Files.writeString(decisions, Files.readString(decisions).replace("\"trigger-1\"", "\"init\""));
    rehashManifest();

    assertFails(8, "duplicate decision for trigger init");
  }

  @Test
  void decisionLogThatIsNotAListOfDecisionsIsInvalid() throws IOException {
    Files.writeString(runpack.resolve("artifacts/decisions.json"), "{\"trigger_id\":\"init\"}");
    rehashManifest();

    assertFails(8, "invalid decision log: expected an array of decision records, not object");
  }

  @Test
  void unknownManifestVersionStopsAtOnce() throws IOException {
    replaceInManifest("\"manifest_version\":\"v1\"", "\"manifest_version\":\"v2\"");

    assertFails(0, "unsupported manifest version: v2");
  }

  @Test
  void artifactOver16MiBIsRefusedWithoutReadingIt() throws IOException {
    // A sparse 4 GiB file: reading it whole would take seconds and exhaust the default heap.
    try (RandomAccessFile file =
        new RandomAccessFile(runpack.resolve("artifacts/triggers.json").toFile(), "rw")) {
      file.setLength(4L << 30);
    }
    long before = usedHeap();

    assertFails(
        7,
        "artifact read failed for artifacts/triggers.json: larger than the limit of 16777216 bytes");
    assertEquals(true, usedHeap() - before < 64L << 20, "no large allocation while refusing it");
  }

  @Test
  void decisionLogOver16MiBIsRefusedWithoutReadingIt() throws IOException {
    try (RandomAccessFile file =
        new RandomAccessFile(runpack.resolve("artifacts/decisions.json").toFile(), "rw")) {
      file.setLength((16L << 20) + 1);
    }

    assertFails(
        7,
        "artifact read failed for artifacts/decisions.json: larger than the limit of 16777216 bytes",
        "decision log read failed: larger than the limit of 16777216 bytes");
  }

  private void assertFails(int checkedFiles, String... errors) {
    VerificationReport report = LocalRunpack.verify(runpack);
    assertEquals(List.of(errors), report.errors());
    assertEquals("fail", report.status());
    assertEquals(checkedFiles, report.checkedFiles());
  }

  private Manifest manifest() {
    return Manifest.fromJson(LocalRunpack.json(Fixtures.read(runpack.resolve("manifest.json"))));
  }

  private void replaceInManifest(String from, String to) throws IOException {
    Path file = runpack.resolve("manifest.json");
    String text = Files.readString(file);
    assertEquals(true, text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
  }

  /** What a forger would do: recompute every file hash and the root hash. */
  private void rehashManifest() throws IOException {
    Manifest manifest = manifest();
    List<FileHash> hashes = new ArrayList<>();
    List<ArtifactRecord> artifacts = new ArrayList<>();
    for (ArtifactRecord artifact : manifest.artifacts()) {
      var hash = Sha256.of(Files.readAllBytes(runpack.resolve(artifact.path())));
      hashes.add(new FileHash(artifact.path(), hash));
      artifacts.add(
          new ArtifactRecord(
              artifact.artifactId(),
              artifact.kind(),
              artifact.path(),
              artifact.contentType(),
              hash,
              artifact.required()));
    }
    Manifest forged = manifest.withContents(artifacts, Integrity.over(hashes));
    Files.write(runpack.resolve("manifest.json"), CanonicalJson.toBytes(forged.toJson()));
  }

  private static String flipLastHexDigit(String hex) {
    char last = hex.charAt(hex.length() - 1);
    return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}

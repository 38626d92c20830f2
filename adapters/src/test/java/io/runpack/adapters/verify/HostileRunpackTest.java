package io.runpack.adapters.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.VerificationReport;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runpack handed to an auditor may be hostile: its manifest may point outside the runpack, or be
 * missing, malformed or of an unknown shape. Nothing outside the root is read.
 */
class HostileRunpackTest {

  @TempDir Path temp;
  Path runpack;

  @BeforeEach
  void copyGolden() {
    runpack = Fixtures.copyTree(Fixtures.golden("golden_time_after_pass"), temp.resolve("runpack"));
  }

  @Test
  void fileHashPathsOutsideTheRootAreNotRead() throws IOException {
    Files.writeString(temp.resolve("secret.json"), "[]");
    replaceInManifest("\"path\":\"artifacts/packets.json\"}", "\"path\":\"../secret.json\"}");

    VerificationReport report = LocalRunpack.verify(runpack);

    assertTrue(
        report
            .errors()
            .contains(
                "artifact read failed for ../secret.json: unsafe path: has a \"..\" component"),
        report.errors().toString());
    assertEquals(7, report.checkedFiles());
  }

  @Test
  void absoluteAndBackslashPathsAreNotRead() throws IOException {
    replaceInManifest("\"path\":\"artifacts/packets.json\"}", "\"path\":\"/etc/hostname\"}");
    replaceInManifest(
        "\"path\":\"artifacts/submissions.json\"}", "\"path\":\"artifacts\\\\submissions.json\"}");

    VerificationReport report = LocalRunpack.verify(runpack);

    assertTrue(
        report
            .errors()
            .contains("artifact read failed for /etc/hostname: unsafe path: must be relative"));
    assertTrue(
        report
            .errors()
            .contains(
                "artifact read failed for artifacts\\submissions.json: unsafe path: contains a backslash"));
  }

  @Test
  void symbolicLinksLeadingOutsideTheRootAreNotFollowed() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.copy(runpack.resolve("artifacts/packets.json"), outside.resolve("packets.json"));
    Files.delete(runpack.resolve("artifacts/packets.json"));
    Files.createSymbolicLink(
        runpack.resolve("artifacts/packets.json"), outside.resolve("packets.json"));

    VerificationReport report = LocalRunpack.verify(runpack);

    assertEquals(
        "artifact read failed for artifacts/packets.json: path artifacts/packets.json leads outside"
            + " the runpack root through a symbolic link",
        report.errors().get(0));
  }

  @Test
  void symbolicLinksStayingInsideTheRootAreFollowed() throws IOException {
    Path artifacts = runpack.resolve("artifacts");
    Files.move(artifacts.resolve("packets.json"), runpack.resolve("packets-real.json"));
    Files.createSymbolicLink(artifacts.resolve("packets.json"), Path.of("../packets-real.json"));

    assertEquals("pass", LocalRunpack.verify(runpack).status());
  }

  @Test
  void missingManifestIsAnInvalidManifestError() throws IOException {
    Files.delete(runpack.resolve("manifest.json"));

    RunpackException e = assertThrows(RunpackException.class, () -> LocalRunpack.verify(runpack));
    assertEquals(ErrorCode.INVALID_MANIFEST, e.code());
    assertEquals("cannot read manifest manifest.json: no such file", e.getMessage());
  }

  @Test
  void manifestThatIsNotJsonIsAnInvalidManifestError() throws IOException {
    Files.writeString(runpack.resolve("manifest.json"), "{\"manifest_version\":\"v1\",");

    RunpackException e = assertThrows(RunpackException.class, () -> LocalRunpack.verify(runpack));
    assertEquals(ErrorCode.INVALID_MANIFEST, e.code());
    assertTrue(e.getMessage().startsWith("cannot read manifest manifest.json: "), e.getMessage());
  }

  @Test
  void manifestWithAnUnknownMemberIsRefused() throws IOException {
    replaceInManifest("\"hash_algorithm\":\"sha256\"", "\"hash_algorithm\":\"sha256\",\"extra\":1");

    RunpackException e = assertThrows(RunpackException.class, () -> LocalRunpack.verify(runpack));
    assertEquals(ErrorCode.INVALID_MANIFEST, e.code());
    assertEquals("manifest has unknown member \"extra\"", e.getMessage());
  }

  @Test
  void manifestWithAnotherHashAlgorithmIsRefused() throws IOException {
    replaceInManifest("\"hash_algorithm\":\"sha256\"", "\"hash_algorithm\":\"md5\"");

    RunpackException e = assertThrows(RunpackException.class, () -> LocalRunpack.verify(runpack));
    assertEquals("manifest.hash_algorithm must be \"sha256\", not \"md5\"", e.getMessage());
  }

  @Test
  void manifestWithDuplicateKeysIsRefused() throws IOException {
    replaceInManifest("\"run_id\":\"run-1\"", "\"run_id\":\"run-1\",\"run_id\":\"run-9\"");

    RunpackException e = assertThrows(RunpackException.class, () -> LocalRunpack.verify(runpack));
    assertEquals(ErrorCode.INVALID_MANIFEST, e.code());
    assertTrue(e.getMessage().contains("duplicate key \"run_id\" at line 1"), e.getMessage());
  }

  @Test
  void manifestWithALoneSurrogateOutsideItsFileHashPathsIsRefused() throws IOException {
    replaceInManifest("\"run_id\":\"run-1\"", "\"run_id\":\"\\udc00\"");

    RunpackException e = assertThrows(RunpackException.class, () -> LocalRunpack.verify(runpack));
    assertEquals(ErrorCode.INVALID_MANIFEST, e.code());
    assertEquals("manifest.run_id is not well-formed Unicode (lone surrogate)", e.getMessage());
  }

  @Test
  void aFileHashPathWithALoneSurrogateIsAFailureOfThatFileInAWellFormedReport() throws IOException {
    replaceInManifest(
        "\"path\":\"artifacts/packets.json\"}", "\"path\":\"artifacts/\\ud800.json\"}");

    VerificationReport report = LocalRunpack.verify(runpack);

    assertEquals(
        java.util.List.of(
            "artifact read failed for artifacts/\uFFFD.json: unsafe path: is not well-formed"
                + " Unicode (lone surrogate)",
            "root hash mismatch"),
        report.errors());
    io.runpack.json.CanonicalJson.toBytes(report.toJson()); // writable
  }

  @Test
  void manifestOver16MiBIsRefusedWithoutReadingIt() throws IOException {
    try (var file = new java.io.RandomAccessFile(runpack.resolve("manifest.json").toFile(), "rw")) {
      file.setLength(1L << 32);
    }

    RunpackException e = assertThrows(RunpackException.class, () -> LocalRunpack.verify(runpack));
    assertEquals(
        "cannot read manifest manifest.json: larger than the limit of 16777216 bytes",
        e.getMessage());
  }

  @Test
  void aCustomManifestNameIsReadInstead() throws IOException {
    Files.move(runpack.resolve("manifest.json"), runpack.resolve("audit-manifest.json"));

    assertEquals("pass", LocalRunpack.verify(runpack, "audit-manifest.json").status());
  }

  private void replaceInManifest(String from, String to) throws IOException {
    Path file = runpack.resolve("manifest.json");
    String text = Files.readString(file);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
  }
}

package io.runpack.domain.verify;

import static io.runpack.domain.verify.Verifications.utf8;
import static io.runpack.domain.verify.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.runpack.domain.fake.HandMadeRunpack;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.VerificationReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §3.3: the root hash is recomputed over {@code integrity.file_hashes} as listed; any other
 * value is {@code root hash mismatch}, also when every file matches its own entry.
 */
class VerifierChecksTheRootHashTest {

  private static Map<String, byte[]> withRootHash(HandMadeRunpack runpack, String rootHash) {
    Map<String, byte[]> files = runpack.files();
    String manifest = Verifications.text(files.get("manifest.json"));
    files.put("manifest.json", utf8(manifest.replace(runpack.rootHash(), rootHash)));
    return files;
  }

  @Test
  void aChangedRootHashIsAMismatch() {
    HandMadeRunpack runpack = SmallRun.standard().runpack();
    String root = runpack.rootHash();
    String changed =
        (root.charAt(63) == '0' ? root.substring(0, 63) + "1" : root.substring(0, 63) + "0");
    assertEquals(
        new VerificationReport(7, List.of("root hash mismatch")),
        verify(withRootHash(runpack, changed)));
  }

  @Test
  void reorderedFileHashesUnderTheOriginalRootHashAreAMismatch() {
    HandMadeRunpack original = SmallRun.standard().runpack();
    HandMadeRunpack reordered = SmallRun.standard().runpack();
    byte[] triggers = SmallRun.standard().artifact("artifacts/triggers.json").bytes();
    reordered
        .without("artifacts/triggers.json")
        .plus("artifacts/triggers.json", "trigger_log", triggers);
    assertNotEquals(original.rootHash(), reordered.rootHash());
    assertEquals(
        new VerificationReport(7, List.of("root hash mismatch")),
        verify(withRootHash(reordered, original.rootHash())));
  }

  @Test
  void aRootHashInUppercaseHexIsAMismatch() {
    HandMadeRunpack runpack = SmallRun.standard().runpack();
    assertEquals(
        new VerificationReport(7, List.of("root hash mismatch")),
        verify(withRootHash(runpack, runpack.rootHash().toUpperCase(Locale.ROOT))));
  }
}

package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the manifest parser and the verifier with mutated Decision Gate runpacks: files replaced,
 * cut, grown, flipped, or the manifest rewritten. Invariants: only typed failures; and a runpack
 * that passes really matches its manifest (every listed file hashes to its entry, the root hash is
 * right, no trigger has two decisions).
 */
class VerifierFuzzTest {

  private static final MemoryRunpack GOLDEN =
      MemoryRunpack.of(Fixtures.golden("golden_visibility_packet"));
  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();
  private static final VerifyRunpackService VERIFIER = new VerifyRunpackService(CODEC);
  private static final Set<ErrorCode> TYPED =
      Set.of(ErrorCode.INVALID_MANIFEST, ErrorCode.STORAGE_ERROR);

  @FuzzTest(maxDuration = "10m")
  void verifierNeverPassesWhatDiffersFromTheManifest(FuzzedDataProvider data) {
    Bounded.run(() -> checkVerifierNeverPassesWhatDiffersFromTheManifest(data));
  }

  private static void checkVerifierNeverPassesWhatDiffersFromTheManifest(FuzzedDataProvider data) {
    MemoryRunpack runpack = mutate(GOLDEN.copy(), data);
    VerificationReport report;
    try {
      report = VERIFIER.verify(new VerifyRunpackCommand(runpack, RunpackPath.of("manifest.json")));
    } catch (RunpackException e) {
      assertTrue(TYPED.contains(e.code()), e.code() + ": " + e.getMessage());
      return;
    }
    assertEquals(report.errors().isEmpty(), report.passed());
    if (report.passed()) {
      Manifest manifest = Manifest.fromJson(CODEC.decode(runpack.files.get("manifest.json")));
      for (FileHash entry : manifest.integrity().fileHashes()) {
        byte[] bytes = runpack.files.get(entry.path());
        assertTrue(
            bytes != null && Sha256.of(bytes).value().equals(entry.hash().value()),
            "passed a changed " + entry.path());
      }
      assertEquals(
          Integrity.rootHashOf(manifest.integrity().fileHashes()).value(),
          manifest.integrity().rootHash().value());
    }
  }

  private static MemoryRunpack mutate(MemoryRunpack runpack, FuzzedDataProvider data) {
    List<String> paths = new ArrayList<>(runpack.files.keySet());
    int mutations = data.consumeInt(1, 4);
    for (int m = 0; m < mutations && data.remainingBytes() > 0; m++) {
      String path = data.pickValue(paths);
      byte[] bytes = runpack.files.get(path);
      if (bytes == null) {
        continue; // removed by an earlier mutation
      }
      switch (data.consumeInt(0, 5)) {
        case 0 -> runpack.files.put(path, data.consumeBytes(data.consumeInt(0, 4096)));
        case 1 -> {
          if (bytes.length > 0) {
            bytes[data.consumeInt(0, bytes.length - 1)] ^= (byte) data.consumeInt(1, 255);
          }
        }
        case 2 ->
            runpack.files.put(
                path, java.util.Arrays.copyOf(bytes, data.consumeInt(0, bytes.length)));
        case 3 -> {
          byte[] extra = data.consumeBytes(data.consumeInt(1, 64));
          byte[] grown = java.util.Arrays.copyOf(bytes, bytes.length + extra.length);
          System.arraycopy(extra, 0, grown, bytes.length, extra.length);
          runpack.files.put(path, grown);
        }
        case 4 -> runpack.files.remove(path);
        default -> {
          String manifest =
              new String(
                  runpack.files.getOrDefault("manifest.json", new byte[0]),
                  java.nio.charset.StandardCharsets.UTF_8);
          String from = data.consumeString(16);
          String to = data.consumeString(16);
          if (!from.isEmpty()) {
            runpack.files.put(
                "manifest.json",
                manifest.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
    }
    return runpack;
  }
}

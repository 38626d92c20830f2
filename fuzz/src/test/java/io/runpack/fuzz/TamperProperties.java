package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.CanonicalJson;
import io.runpack.domain.json.JsonArray;
import io.runpack.domain.json.JsonObject;
import io.runpack.domain.json.JsonValue;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What the format protects is protected: any single-byte change, truncation or extension of an
 * artifact, any reordering or removal of artifacts or file-hash entries, any change of a file-hash
 * entry or the root hash, and any removal of a required manifest member is detected (the report
 * fails, or the manifest is refused). Members outside {@code integrity} that the format does not
 * hash (generated_at, ids, artifact metadata) are a limit of the format: see docs/SECURITY.md.
 */
class TamperProperties {

  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();
  private static final VerifyRunpackService VERIFIER = new VerifyRunpackService(CODEC);
  private static final List<String> REQUIRED =
      List.of(
          "manifest_version",
          "generated_at",
          "tenant_id",
          "namespace_id",
          "scenario_id",
          "run_id",
          "spec_hash",
          "hash_algorithm",
          "verifier_mode",
          "integrity",
          "artifacts");

  @Provide
  Arbitrary<Path> runpacks() {
    return Arbitraries.of(
        Fixtures.golden("golden_time_after_pass"),
        Fixtures.golden("golden_visibility_packet"),
        Fixtures.backcompat());
  }

  @Property(tries = 300)
  void singleByteChangeOfAnArtifactIsDetected(
      @ForAll("runpacks") Path dir,
      @ForAll @IntRange(min = 0, max = 7) int file,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    MemoryRunpack runpack = MemoryRunpack.of(dir);
    byte[] bytes = runpack.files.get(artifact(runpack, file));
    bytes[position % bytes.length] ^= (byte) flip;
    assertDetected(runpack);
  }

  @Property(tries = 200)
  void truncationOrExtensionOfAnArtifactIsDetected(
      @ForAll("runpacks") Path dir,
      @ForAll @IntRange(min = 0, max = 7) int file,
      @ForAll @IntRange(min = -2_000, max = 64) int change) {
    MemoryRunpack runpack = MemoryRunpack.of(dir);
    String path = artifact(runpack, file);
    byte[] bytes = runpack.files.get(path);
    int length = Math.max(0, bytes.length + (change == 0 ? 1 : change));
    byte[] changed = Arrays.copyOf(bytes, length);
    for (int i = bytes.length; i < length; i++) {
      changed[i] = ' ';
    }
    runpack.files.put(path, changed);
    assertDetected(runpack);
  }

  @Property(tries = 100)
  void removalOfAnArtifactIsDetected(
      @ForAll("runpacks") Path dir, @ForAll @IntRange(min = 0, max = 7) int file) {
    MemoryRunpack runpack = MemoryRunpack.of(dir);
    runpack.files.remove(artifact(runpack, file));
    assertDetected(runpack);
  }

  @Property(tries = 100)
  void swappingTwoArtifactsIsDetected(
      @ForAll("runpacks") Path dir,
      @ForAll @IntRange(min = 0, max = 7) int a,
      @ForAll @IntRange(min = 0, max = 7) int b) {
    MemoryRunpack runpack = MemoryRunpack.of(dir);
    String first = artifact(runpack, a);
    String second = artifact(runpack, b);
    byte[] swap = runpack.files.get(first);
    runpack.files.put(first, runpack.files.get(second));
    runpack.files.put(second, swap);
    if (Arrays.equals(runpack.files.get(first), runpack.files.get(second))) {
      return; // identical contents (e.g. two empty logs): nothing changed
    }
    assertDetected(runpack);
  }

  @Property(tries = 200)
  void reorderingOrRemovingFileHashEntriesIsDetected(
      @ForAll("runpacks") Path dir,
      @ForAll @IntRange(min = 0, max = 7) int a,
      @ForAll @IntRange(min = 0, max = 7) int b,
      @ForAll boolean remove) {
    MemoryRunpack runpack = MemoryRunpack.of(dir);
    JsonObject manifest = manifest(runpack);
    List<JsonValue> entries =
        new ArrayList<>(
            ((JsonArray) integrity(manifest).get("file_hashes").orElseThrow()).elements());
    if (remove) {
      entries.remove(a);
    } else {
      if (a == b || entries.get(a).equals(entries.get(b))) {
        return;
      }
      JsonValue swap = entries.get(a);
      entries.set(a, entries.get(b));
      entries.set(b, swap);
    }
    runpack.files.put(
        "manifest.json",
        CanonicalJson.toBytes(withIntegrity(manifest, "file_hashes", new JsonArray(entries))));
    assertDetected(runpack);
  }

  @Property(tries = 300)
  void changingAFileHashEntryOrTheRootHashIsDetected(
      @ForAll("runpacks") Path dir,
      @ForAll @IntRange(min = 0, max = 8) int which,
      @ForAll @IntRange(min = 0, max = 63) int digit) {
    MemoryRunpack runpack = MemoryRunpack.of(dir);
    String manifest =
        new String(runpack.files.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
    int integrity = manifest.indexOf("\"integrity\":");
    int at = integrity;
    for (int i = 0; i <= which; i++) {
      at = manifest.indexOf("\"value\":\"", at + 1); // file hashes in order, then the root hash
    }
    int position = at + "\"value\":\"".length() + digit;
    char old = manifest.charAt(position);
    String changed =
        manifest.substring(0, position)
            + (old == '0' ? '1' : '0')
            + manifest.substring(position + 1);
    runpack.files.put("manifest.json", changed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertDetected(runpack);
  }

  @Property(tries = 50)
  void removingARequiredManifestMemberIsRefused(
      @ForAll("runpacks") Path dir, @ForAll @IntRange(min = 0, max = 10) int member) {
    MemoryRunpack runpack = MemoryRunpack.of(dir);
    JsonObject manifest = manifest(runpack);
    JsonObject.Builder without = JsonObject.builder();
    manifest
        .members()
        .forEach(
            (key, value) -> {
              if (!key.equals(REQUIRED.get(member))) {
                without.put(key, value);
              }
            });
    runpack.files.put("manifest.json", CanonicalJson.toBytes(without.build()));
    assertDetected(runpack);
  }

  private static void assertDetected(MemoryRunpack runpack) {
    VerificationReport report;
    try {
      report = VERIFIER.verify(new VerifyRunpackCommand(runpack, RunpackPath.of("manifest.json")));
    } catch (RunpackException e) {
      assertEquals(ErrorCode.INVALID_MANIFEST, e.code(), e.getMessage());
      return;
    }
    assertFalse(report.passed(), "tampering went unnoticed");
  }

  private static String artifact(MemoryRunpack runpack, int index) {
    List<String> artifacts =
        runpack.files.keySet().stream().filter(p -> p.startsWith("artifacts/")).toList();
    return artifacts.get(index % artifacts.size());
  }

  private static JsonObject manifest(MemoryRunpack runpack) {
    return (JsonObject) CODEC.decode(runpack.files.get("manifest.json"));
  }

  private static JsonObject integrity(JsonObject manifest) {
    return (JsonObject) manifest.get("integrity").orElseThrow();
  }

  private static JsonObject withIntegrity(JsonObject manifest, String key, JsonValue value) {
    JsonObject.Builder integrity = JsonObject.builder();
    integrity(manifest).members().forEach((k, v) -> integrity.put(k, k.equals(key) ? value : v));
    JsonObject.Builder copy = JsonObject.builder();
    manifest
        .members()
        .forEach((k, v) -> copy.put(k, k.equals("integrity") ? integrity.build() : v));
    return copy.build();
  }
}

package io.runpack.fuzz;

import static io.runpack.fuzz.Tampering.MANIFEST;
import static io.runpack.fuzz.Tampering.assertDetected;
import static io.runpack.fuzz.Tampering.fresh;
import static io.runpack.fuzz.Tampering.manifest;
import static io.runpack.fuzz.Tampering.pick;

import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a manifest protects cannot be changed unnoticed: reordering or removing file-hash entries,
 * changing any hex digit of a file-hash entry or of the root hash, and removing one or several
 * required members are detected (the report fails, or the manifest is refused), in each of Decision
 * Gate's reference runpacks. Members the format does not hash (generated_at, ids, artifact
 * metadata) are a limit of the format: see docs/SECURITY.md.
 */
class ManifestTamperProperties {

  private static final int FILE_HASH_ENTRIES = 8;
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

  /** File-hash entry {@code a} removed, or entries {@code a} and {@code b} exchanged. */
  record EntryChange(String runpack, boolean remove, int a, int b) {}

  /** One hex digit of a digest changed: file hash {@code which} (0-7) or the root hash (8). */
  record DigitChange(String runpack, int which, int digit) {}

  /** Required manifest members removed. */
  record MemberRemoval(String runpack, List<String> members) {}

  @Test
  void reorderingOrRemovingFileHashEntriesIsDetected() {
    List<EntryChange> every = new ArrayList<>();
    for (String runpack : Tampering.NAMES) {
      for (int a = 0; a < FILE_HASH_ENTRIES; a++) {
        every.add(new EntryChange(runpack, true, a, a));
        for (int b = 0; b < FILE_HASH_ENTRIES; b++) {
          every.add(new EntryChange(runpack, false, a, b));
        }
      }
    }
    Cases.every(every, ManifestTamperProperties::entryChangeIsDetected);
  }

  @Test
  void changingAFileHashEntryOrTheRootHashIsDetected() {
    List<DigitChange> every = new ArrayList<>();
    for (String runpack : Tampering.NAMES) {
      for (int which = 0; which <= FILE_HASH_ENTRIES; which++) {
        for (int digit = 0; digit < 64; digit++) {
          every.add(new DigitChange(runpack, which, digit));
        }
      }
    }
    Cases.every(every, ManifestTamperProperties::digitChangeIsDetected);
  }

  @Test
  void removingARequiredManifestMemberIsRefused() {
    List<MemberRemoval> every = new ArrayList<>();
    for (String runpack : Tampering.NAMES) {
      REQUIRED.forEach(member -> every.add(new MemberRemoval(runpack, List.of(member))));
    }
    Cases.every(every, ManifestTamperProperties::memberRemovalIsDetected);
  }

  @Test
  void removingSeveralRequiredManifestMembersIsRefused() {
    Cases.seeded(
        0x7a3b_0101L,
        50,
        random ->
            new MemberRemoval(pick(random, Tampering.NAMES), Tampering.several(random, REQUIRED)),
        ManifestTamperProperties::memberRemovalIsDetected);
  }

  private static void entryChangeIsDetected(EntryChange change) {
    MemoryRunpack runpack = fresh(change.runpack());
    JsonObject manifest = manifest(runpack);
    List<JsonValue> entries = new ArrayList<>(fileHashes(manifest).elements());
    if (entries.size() != FILE_HASH_ENTRIES) {
      throw new AssertionError("expected " + FILE_HASH_ENTRIES + " entries: " + entries.size());
    }
    if (change.remove()) {
      entries.remove(change.a());
    } else {
      if (entries.get(change.a()).equals(entries.get(change.b()))) {
        return; // the same entry, or identical ones: nothing changes
      }
      JsonValue swap = entries.get(change.a());
      entries.set(change.a(), entries.get(change.b()));
      entries.set(change.b(), swap);
    }
    runpack.files.put(
        MANIFEST, CanonicalJson.toBytes(withFileHashes(manifest, new JsonArray(entries))));
    assertDetected(runpack);
  }

  private static void digitChangeIsDetected(DigitChange change) {
    MemoryRunpack runpack = fresh(change.runpack());
    String manifest = new String(runpack.files.get(MANIFEST), StandardCharsets.UTF_8);
    int at = manifest.indexOf("\"integrity\":");
    for (int i = 0; i <= change.which(); i++) {
      at = manifest.indexOf("\"value\":\"", at + 1); // file hashes in order, then the root hash
    }
    int position = at + "\"value\":\"".length() + change.digit();
    char old = manifest.charAt(position);
    String changed =
        manifest.substring(0, position)
            + (old == '0' ? '1' : '0')
            + manifest.substring(position + 1);
    runpack.files.put(MANIFEST, changed.getBytes(StandardCharsets.UTF_8));
    assertDetected(runpack);
  }

  private static void memberRemovalIsDetected(MemberRemoval removal) {
    MemoryRunpack runpack = fresh(removal.runpack());
    JsonObject.Builder without = JsonObject.builder();
    manifest(runpack)
        .members()
        .forEach(
            (key, value) -> {
              if (!removal.members().contains(key)) {
                without.put(key, value);
              }
            });
    runpack.files.put(MANIFEST, CanonicalJson.toBytes(without.build()));
    assertDetected(runpack);
  }

  private static JsonObject integrity(JsonObject manifest) {
    return (JsonObject) manifest.get("integrity").orElseThrow();
  }

  private static JsonArray fileHashes(JsonObject manifest) {
    return (JsonArray) integrity(manifest).get("file_hashes").orElseThrow();
  }

  private static JsonObject withFileHashes(JsonObject manifest, JsonArray entries) {
    JsonObject.Builder integrity = JsonObject.builder();
    integrity(manifest)
        .members()
        .forEach((k, v) -> integrity.put(k, k.equals("file_hashes") ? entries : v));
    JsonObject.Builder copy = JsonObject.builder();
    manifest
        .members()
        .forEach((k, v) -> copy.put(k, k.equals("integrity") ? integrity.build() : v));
    return copy.build();
  }
}

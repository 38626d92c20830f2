package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The manifest's {@code integrity} block: the file hashes in write order (not sorted) and the root
 * hash, SHA-256 of the canonical bytes of that list (FORMAT §2.3).
 */
public record Integrity(List<FileHash> fileHashes, HashDigest rootHash) {

  public Integrity {
    fileHashes = List.copyOf(fileHashes);
  }

  /** The integrity block of {@code fileHashes}, with its root hash computed. */
  public static Integrity over(List<FileHash> fileHashes) {
    return new Integrity(fileHashes, rootHashOf(fileHashes));
  }

  /**
   * SHA-256 of the canonical JSON array of the entries, written entry by entry (no tree: a manifest
   * may list a hundred thousand). Fails with {@link ErrorCode#INVALID_JSON} for an entry that has
   * no canonical form (a lone surrogate).
   */
  public static HashDigest rootHashOf(List<FileHash> fileHashes) {
    MessageDigest sha256 = Sha256.newDigest();
    sha256.update((byte) '[');
    for (int i = 0; i < fileHashes.size(); i++) {
      FileHash entry = fileHashes.get(i);
      sha256.update(i == 0 ? ENTRY_START : NEXT_ENTRY_START);
      sha256.update(RunpackJson.escapedUtf8(entry.hash().algorithm()));
      sha256.update(ENTRY_VALUE);
      sha256.update(RunpackJson.escapedUtf8(entry.hash().value()));
      sha256.update(ENTRY_PATH);
      sha256.update(RunpackJson.escapedUtf8(entry.path()));
      sha256.update(ENTRY_END);
    }
    sha256.update((byte) ']');
    return HashDigest.sha256(Sha256.hex(sha256.digest()));
  }

  // {"hash":{"algorithm":…,"value":…},"path":…}: the members in canonical order (FORMAT §1)
  private static final byte[] ENTRY_START = ascii("{\"hash\":{\"algorithm\":\"");
  private static final byte[] NEXT_ENTRY_START = ascii(",{\"hash\":{\"algorithm\":\"");
  private static final byte[] ENTRY_VALUE = ascii("\",\"value\":\"");
  private static final byte[] ENTRY_PATH = ascii("\"},\"path\":\"");
  private static final byte[] ENTRY_END = ascii("\"}");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("file_hashes", fileHashesJson(fileHashes))
        .put("root_hash", rootHash.toJson())
        .build();
  }

  public static Integrity fromJson(JsonValue json, String path, ErrorCode code) {
    JsonFields fields =
        JsonFields.of(json, path, code).onlyKeys(Set.of("file_hashes", "root_hash"));
    JsonArray entries = fields.array("file_hashes");
    List<FileHash> fileHashes = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      fileHashes.add(FileHash.fromJson(entries.get(i), path + ".file_hashes[" + i + "]", code));
    }
    return new Integrity(
        fileHashes, HashDigest.fromJson(fields.value("root_hash"), path + ".root_hash", code));
  }

  private static JsonArray fileHashesJson(List<FileHash> fileHashes) {
    List<JsonValue> entries = new ArrayList<>(fileHashes.size());
    for (FileHash fileHash : fileHashes) {
      entries.add(fileHash.toJson());
    }
    return new JsonArray(entries);
  }
}

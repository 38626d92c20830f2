package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.CanonicalJson;
import io.runpack.domain.json.JsonArray;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.json.JsonObject;
import io.runpack.domain.json.JsonValue;
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

  /** SHA-256 of the canonical JSON array of the entries. */
  public static HashDigest rootHashOf(List<FileHash> fileHashes) {
    return Sha256.of(CanonicalJson.toBytes(fileHashesJson(fileHashes)));
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

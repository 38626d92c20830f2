package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Set;

/** One entry of {@code integrity.file_hashes}: a runpack-relative path and its digest. */
public record FileHash(String path, HashDigest hash) {

  public FileHash {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hash, "hash");
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("hash", hash.toJson()).put("path", path).build();
  }

  public static FileHash fromJson(JsonValue json, String path, ErrorCode code) {
    JsonFields fields = JsonFields.of(json, path, code).onlyKeys(Set.of("hash", "path"));
    return new FileHash(
        fields.string("path"), HashDigest.fromJson(fields.value("hash"), path + ".hash", code));
  }
}

package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the manifest's {@code artifacts} list. The path is kept as written: on verification
 * it is untrusted and is checked by the reader that resolves it.
 */
public record ArtifactRecord(
    String artifactId,
    ArtifactKind kind,
    String path,
    Optional<String> contentType,
    HashDigest hash,
    boolean required) {

  public static final String JSON_CONTENT_TYPE = "application/json";

  public ArtifactRecord {
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(hash, "hash");
  }

  /** An artifact as the exporter writes it: id = path, JSON, required (FORMAT §2.2). */
  public static ArtifactRecord exported(ArtifactKind kind, String path, HashDigest hash) {
    return new ArtifactRecord(path, kind, path, Optional.of(JSON_CONTENT_TYPE), hash, true);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("artifact_id", artifactId)
        .put("content_type", contentType.<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE))
        .put("hash", hash.toJson())
        .put("kind", kind.wireName())
        .put("path", path)
        .put("required", required)
        .build();
  }

  public static ArtifactRecord fromJson(JsonValue json, String path, ErrorCode code) {
    JsonFields fields =
        JsonFields.of(json, path, code)
            .onlyKeys(Set.of("artifact_id", "content_type", "hash", "kind", "path", "required"));
    String kindName = fields.string("kind");
    ArtifactKind kind =
        ArtifactKind.fromWireName(kindName)
            .orElseThrow(
                () -> fields.fail(path + ".kind is not a known artifact kind: " + kindName));
    fields.value("content_type"); // required, may be null
    return new ArtifactRecord(
        fields.string("artifact_id"),
        kind,
        fields.string("path"),
        Optional.ofNullable(fields.optionalString("content_type")),
        HashDigest.fromJson(fields.value("hash"), path + ".hash", code),
        fields.bool("required"));
  }
}

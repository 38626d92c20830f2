package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.json.Utf16;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A runpack manifest (FORMAT §2.4): what run it records, how it is hashed, and the index of its
 * artifacts. Decoding is strict: every required member, the right types, no unknown member.
 */
public record Manifest(
    String manifestVersion,
    Timestamp generatedAt,
    long tenantId,
    long namespaceId,
    String scenarioId,
    String runId,
    HashDigest specHash,
    String verifierMode,
    Optional<AnchorPolicy> anchorPolicy,
    Optional<SecurityContext> security,
    Integrity integrity,
    List<ArtifactRecord> artifacts) {

  public static final String VERSION_V1 = "v1";
  public static final String OFFLINE_STRICT = "offline_strict";
  private static final Set<String> VERIFIER_MODES = Set.of(OFFLINE_STRICT, "offline_with_fetch");
  private static final Set<String> MEMBERS =
      Set.of(
          "manifest_version",
          "generated_at",
          "tenant_id",
          "namespace_id",
          "scenario_id",
          "run_id",
          "spec_hash",
          "hash_algorithm",
          "verifier_mode",
          "anchor_policy",
          "security",
          "integrity",
          "artifacts");

  public Manifest {
    Objects.requireNonNull(manifestVersion, "manifestVersion");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(verifierMode, "verifierMode");
    Objects.requireNonNull(anchorPolicy, "anchorPolicy");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(integrity, "integrity");
    artifacts = List.copyOf(artifacts);
  }

  /** The same manifest with another artifact list and integrity block. */
  public Manifest withContents(List<ArtifactRecord> newArtifacts, Integrity newIntegrity) {
    return new Manifest(
        manifestVersion,
        generatedAt,
        tenantId,
        namespaceId,
        scenarioId,
        runId,
        specHash,
        verifierMode,
        anchorPolicy,
        security,
        newIntegrity,
        newArtifacts);
  }

  public JsonObject toJson() {
    List<JsonValue> artifactJson = new ArrayList<>(artifacts.size());
    artifacts.forEach(a -> artifactJson.add(a.toJson()));
    JsonObject.Builder json =
        JsonObject.builder()
            .put("artifacts", new JsonArray(artifactJson))
            .put("generated_at", generatedAt.toJson())
            .put("hash_algorithm", HashDigest.SHA256)
            .put("integrity", integrity.toJson())
            .put("manifest_version", manifestVersion)
            .put("namespace_id", JsonNumber.ofUnsigned(namespaceId))
            .put("run_id", runId)
            .put("scenario_id", scenarioId)
            .put("spec_hash", specHash.toJson())
            .put("tenant_id", JsonNumber.ofUnsigned(tenantId))
            .put("verifier_mode", verifierMode);
    anchorPolicy
        .filter(AnchorPolicy::hasProviders)
        .ifPresent(p -> json.put("anchor_policy", p.toJson()));
    security.ifPresent(s -> json.put("security", s.toJson()));
    return json.build();
  }

  /** The {@code manifest_version} member alone, read before anything else (fail closed). */
  public static String versionOf(JsonValue json) {
    return JsonFields.of(json, "manifest", ErrorCode.INVALID_MANIFEST).string("manifest_version");
  }

  /**
   * Decodes a v1 manifest; every defect is an {@link ErrorCode#INVALID_MANIFEST} error. A string
   * that is not well-formed Unicode (a lone surrogate escape) is one, anywhere but in a path of
   * {@code integrity.file_hashes}: those are the verifier's to report, per file.
   */
  public static Manifest fromJson(JsonValue json) {
    ErrorCode code = ErrorCode.INVALID_MANIFEST;
    requireWellFormed(json, "manifest");
    JsonFields fields = JsonFields.of(json, "manifest", code).onlyKeys(MEMBERS);
    String hashAlgorithm = fields.string("hash_algorithm");
    if (!HashDigest.SHA256.equals(hashAlgorithm)) {
      throw fields.fail(
          "manifest.hash_algorithm must be \"sha256\", not \"" + hashAlgorithm + "\"");
    }
    String verifierMode = fields.string("verifier_mode");
    if (!VERIFIER_MODES.contains(verifierMode)) {
      throw fields.fail("manifest.verifier_mode is not a known mode: " + verifierMode);
    }
    JsonArray artifactJson = fields.array("artifacts");
    List<ArtifactRecord> artifacts = new ArrayList<>(artifactJson.size());
    for (int i = 0; i < artifactJson.size(); i++) {
      artifacts.add(
          ArtifactRecord.fromJson(artifactJson.get(i), "manifest.artifacts[" + i + "]", code));
    }
    return new Manifest(
        fields.string("manifest_version"),
        Timestamp.fromJson(fields.value("generated_at"), "manifest.generated_at", code),
        fields.positiveId("tenant_id"),
        fields.positiveId("namespace_id"),
        fields.string("scenario_id"),
        fields.string("run_id"),
        HashDigest.fromJson(fields.value("spec_hash"), "manifest.spec_hash", code),
        verifierMode,
        optional(fields, "anchor_policy")
            .map(v -> AnchorPolicy.fromJson(v, "manifest.anchor_policy", code)),
        optional(fields, "security")
            .map(v -> SecurityContext.fromJson(v, "manifest.security", code)),
        Integrity.fromJson(fields.value("integrity"), "manifest.integrity", code),
        artifacts);
  }

  private static void requireWellFormed(JsonValue value, String path) {
    if (value instanceof JsonString string) {
      if (!Utf16.isWellFormed(string.value())
          && !path.matches("manifest\\.integrity\\.file_hashes\\[\\d+\\]\\.path")) {
        throw new RunpackException(
            ErrorCode.INVALID_MANIFEST, path + " is not well-formed Unicode (lone surrogate)");
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        requireWellFormed(array.get(i), path + "[" + i + "]");
      }
    } else if (value instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        String at = path + "." + Utf16.wellFormed(member.getKey());
        if (!Utf16.isWellFormed(member.getKey())) {
          throw new RunpackException(
              ErrorCode.INVALID_MANIFEST, at + " is a key that is not well-formed Unicode");
        }
        requireWellFormed(member.getValue(), at);
      }
    }
  }

  private static Optional<JsonValue> optional(JsonFields fields, String key) {
    // An absent member and an explicit null both mean "not configured".
    return Optional.ofNullable(fields.object().members().get(key))
        .filter(v -> v != JsonNull.INSTANCE);
  }
}

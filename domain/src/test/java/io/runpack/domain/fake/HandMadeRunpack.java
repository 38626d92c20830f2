package io.runpack.domain.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A runpack written out by hand from FORMAT §2, string by string, with digests from the JDK: the
 * expected output of an export and the input of verifier tests. Artifacts are listed in the order
 * they are added; the manifest is {@link SmallRun}'s run, generated at logical time 10, with the
 * optional members given (as canonical text).
 */
public final class HandMadeRunpack {

  /** One file listed in the manifest. */
  public record File(String path, String kind, byte[] bytes) {}

  private final String specSha256;
  private final List<File> files = new ArrayList<>();
  private String version = "v1";
  private String security;
  private String anchorPolicy;

  HandMadeRunpack(String specSha256) {
    this.specSha256 = specSha256;
  }

  /** Lists one more artifact. */
  public HandMadeRunpack plus(String path, String kind, byte[] bytes) {
    if (path.indexOf('"') >= 0 || path.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("paths are written unescaped: " + path);
    }
    files.add(new File(path, kind, bytes));
    return this;
  }

  /** Stops listing the file at {@code path}. */
  public HandMadeRunpack without(String path) {
    if (!files.removeIf(file -> file.path().equals(path))) {
      throw new IllegalArgumentException("not listed: " + path);
    }
    return this;
  }

  public HandMadeRunpack version(String manifestVersion) {
    this.version = manifestVersion;
    return this;
  }

  /** The manifest's {@code security} member, as canonical JSON. */
  public HandMadeRunpack security(String canonicalJson) {
    this.security = canonicalJson;
    return this;
  }

  /** The manifest's {@code anchor_policy} member, as canonical JSON. */
  public HandMadeRunpack anchorPolicy(String canonicalJson) {
    this.anchorPolicy = canonicalJson;
    return this;
  }

  private static String digest(String hex) {
    return "{\"algorithm\":\"sha256\",\"value\":\"" + hex + "\"}";
  }

  /** {@code integrity.file_hashes} as canonical JSON, in the order the files were added. */
  public String fileHashesText() {
    StringJoiner entries = new StringJoiner(",", "[", "]");
    for (File file : files) {
      entries.add(
          "{\"hash\":"
              + digest(Hashes.sha256(file.bytes()))
              + ",\"path\":\""
              + file.path()
              + "\"}");
    }
    return entries.toString();
  }

  /** SHA-256 of the canonical file-hash list. */
  public String rootHash() {
    return Hashes.sha256(fileHashesText());
  }

  /** The manifest's canonical text: members in FORMAT §1 order. */
  public String manifestText() {
    StringJoiner artifacts = new StringJoiner(",", "[", "]");
    for (File file : files) {
      artifacts.add(
          "{\"artifact_id\":\""
              + file.path()
              + "\",\"content_type\":\"application/json\",\"hash\":"
              + digest(Hashes.sha256(file.bytes()))
              + ",\"kind\":\""
              + file.kind()
              + "\",\"path\":\""
              + file.path()
              + "\",\"required\":true}");
    }
    return "{"
        + (anchorPolicy == null ? "" : "\"anchor_policy\":" + anchorPolicy + ",")
        + "\"artifacts\":"
        + artifacts
        + ",\"generated_at\":{\"kind\":\"logical\",\"value\":10}"
        + ",\"hash_algorithm\":\"sha256\""
        + ",\"integrity\":{\"file_hashes\":"
        + fileHashesText()
        + ",\"root_hash\":"
        + digest(rootHash())
        + "},\"manifest_version\":\""
        + version
        + "\",\"namespace_id\":"
        + SmallRun.NAMESPACE
        + ",\"run_id\":\""
        + SmallRun.RUN
        + "\",\"scenario_id\":\""
        + SmallRun.SCENARIO
        + "\""
        + (security == null ? "" : ",\"security\":" + security)
        + ",\"spec_hash\":"
        + digest(specSha256)
        + ",\"tenant_id\":"
        + SmallRun.TENANT
        + ",\"verifier_mode\":\"offline_strict\"}";
  }

  /** Every artifact by path, then the manifest under {@code manifestName}. */
  public Map<String, byte[]> files(String manifestName) {
    Map<String, byte[]> all = new LinkedHashMap<>();
    files.forEach(file -> all.put(file.path(), file.bytes().clone()));
    all.put(manifestName, Hashes.utf8(manifestText()));
    return all;
  }

  /** Every artifact by path, then the manifest as {@code manifest.json}. */
  public Map<String, byte[]> files() {
    return files("manifest.json");
  }
}

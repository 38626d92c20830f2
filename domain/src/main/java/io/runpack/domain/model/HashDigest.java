package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Set;

/**
 * A content digest as Decision Gate writes it: {@code {"algorithm":"sha256","value":<hex>}}.
 * Invariant: the algorithm is {@code sha256}, the only one the format defines.
 */
public record HashDigest(String algorithm, String value) {

  public static final String SHA256 = "sha256";

  public HashDigest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
  }

  public static HashDigest sha256(String hexValue) {
    return new HashDigest(SHA256, hexValue);
  }

  public JsonObject toJson() {
    return JsonObject.builder().put("algorithm", algorithm).put("value", value).build();
  }

  /**
   * Decodes a digest; the algorithm must be {@code sha256} (FORMAT: the schema's only enum value).
   */
  public static HashDigest fromJson(JsonValue json, String path, ErrorCode code) {
    JsonFields fields = JsonFields.of(json, path, code).onlyKeys(Set.of("algorithm", "value"));
    String algorithm = fields.string("algorithm");
    if (!SHA256.equals(algorithm)) {
      throw fields.fail(path + ".algorithm must be \"sha256\", not \"" + algorithm + "\"");
    }
    return new HashDigest(algorithm, fields.string("value"));
  }
}

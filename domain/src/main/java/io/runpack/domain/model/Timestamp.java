package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Set;

/**
 * A Decision Gate timestamp: {@code {"kind":"unix_millis","value":<i64>}} or {@code
 * {"kind":"logical","value":<u64>}}. A logical value is held as an unsigned long. Runpack never
 * reads a clock: every timestamp comes from the caller.
 */
public record Timestamp(Kind kind, long value) {

  /** The two kinds of time Decision Gate records. */
  public enum Kind {
    UNIX_MILLIS("unix_millis"),
    LOGICAL("logical");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public Timestamp {
    Objects.requireNonNull(kind, "kind");
  }

  public static Timestamp unixMillis(long millis) {
    return new Timestamp(Kind.UNIX_MILLIS, millis);
  }

  public static Timestamp logical(long unsignedValue) {
    return new Timestamp(Kind.LOGICAL, unsignedValue);
  }

  public JsonObject toJson() {
    JsonNumber number = kind == Kind.LOGICAL ? JsonNumber.ofUnsigned(value) : JsonNumber.of(value);
    return JsonObject.builder().put("kind", kind.wireName()).put("value", number).build();
  }

  public static Timestamp fromJson(JsonValue json, String path, ErrorCode code) {
    JsonFields fields = JsonFields.of(json, path, code).onlyKeys(Set.of("kind", "value"));
    String kind = fields.string("kind");
    if (Kind.UNIX_MILLIS.wireName().equals(kind)) {
      return unixMillis(fields.int64("value"));
    }
    if (Kind.LOGICAL.wireName().equals(kind)) {
      return logical(fields.uint64("value"));
    }
    throw fields.fail(path + ".kind must be \"unix_millis\" or \"logical\", not \"" + kind + "\"");
  }
}

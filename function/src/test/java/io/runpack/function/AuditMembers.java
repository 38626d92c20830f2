package io.runpack.function;

import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;

/** Reading an audit record's members in assertions: a string's value, anything else as JSON. */
final class AuditMembers {

  private AuditMembers() {}

  /** {@code "allowed"} for a string member, {@code 2} or {@code null} for others. */
  static String text(JsonObject record, String key) {
    JsonValue value = record.get(key).orElseThrow(() -> new AssertionError("no " + key));
    return value instanceof JsonString s
        ? s.value()
        : new String(CanonicalJson.toBytes(value), StandardCharsets.UTF_8);
  }
}

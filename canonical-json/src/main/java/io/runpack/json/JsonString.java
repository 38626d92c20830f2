package io.runpack.json;

import java.util.Objects;

/**
 * A JSON string (RFC 8259 §7). It may hold any UTF-16 sequence as parsed; a lone surrogate is
 * rejected when the string is written canonically (FORMAT §1), so it can never be hashed.
 */
public record JsonString(String value) implements JsonValue {

  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  public static JsonString of(String value) {
    return new JsonString(value);
  }

  @Override
  public String typeName() {
    return "string";
  }
}

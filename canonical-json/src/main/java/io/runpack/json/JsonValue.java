package io.runpack.json;

/**
 * A JSON value (RFC 8259 §3) as read from untrusted input, kept exactly enough to write it
 * canonically (FORMAT §1).
 *
 * <p>Invariants: numbers keep their source lexeme ({@link JsonNumber}), objects never hold a key
 * twice ({@link JsonObject}), and every value is immutable.
 */
public sealed interface JsonValue
    permits JsonNull, JsonBoolean, JsonNumber, JsonString, JsonArray, JsonObject, JsonCanonical {

  /** The value's JSON type, for error messages. */
  String typeName();
}

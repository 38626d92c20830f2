package io.runpack.domain.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.util.Set;

/**
 * Typed, strict access to the members of a JSON object that is being decoded into a domain type.
 * Every failure is a {@link RunpackException} with the decoder's error code and a message naming
 * the JSON path of the offending member, e.g. {@code manifest.integrity.root_hash.value}.
 */
public final class JsonFields {

  private final ErrorCode code;
  private final String path;
  private final JsonObject object;

  private JsonFields(ErrorCode code, String path, JsonObject object) {
    this.code = code;
    this.path = path;
    this.object = object;
  }

  /** Reads {@code value} as an object located at {@code path}. */
  public static JsonFields of(JsonValue value, String path, ErrorCode code) {
    if (!(value instanceof JsonObject object)) {
      throw new RunpackException(code, path + " must be an object, not " + value.typeName());
    }
    return new JsonFields(code, path, object);
  }

  public String path() {
    return path;
  }

  public JsonObject object() {
    return object;
  }

  /** Fails if the object has a member outside {@code allowed} (fail closed on unknown fields). */
  public JsonFields onlyKeys(Set<String> allowed) {
    for (String key : object.members().keySet()) {
      if (!allowed.contains(key)) {
        throw fail(path + " has unknown member \"" + key + "\"");
      }
    }
    return this;
  }

  public boolean has(String key) {
    return object.members().containsKey(key);
  }

  public JsonValue value(String key) {
    JsonValue value = object.members().get(key);
    if (value == null) {
      throw fail(path + "." + key + " is missing");
    }
    return value;
  }

  public JsonFields object(String key) {
    return of(value(key), path + "." + key, code);
  }

  public String string(String key) {
    JsonValue value = value(key);
    if (value instanceof JsonString string) {
      return string.value();
    }
    throw wrongType(key, "a string", value);
  }

  /** A string member, or null when the member is missing or JSON null. */
  public String optionalString(String key) {
    JsonValue value = object.members().get(key);
    if (value == null || value == JsonNull.INSTANCE) {
      return null;
    }
    return string(key);
  }

  public boolean bool(String key) {
    JsonValue value = value(key);
    if (value instanceof JsonBoolean bool) {
      return bool.value();
    }
    throw wrongType(key, "a boolean", value);
  }

  public JsonArray array(String key) {
    JsonValue value = value(key);
    if (value instanceof JsonArray array) {
      return array;
    }
    throw wrongType(key, "an array", value);
  }

  /** A signed 64-bit integer member. */
  public long int64(String key) {
    String lexeme = integerLexeme(key);
    try {
      return Long.parseLong(lexeme);
    } catch (NumberFormatException e) {
      throw fail(path + "." + key + " must be a signed 64-bit integer, not " + lexeme);
    }
  }

  /** An unsigned 64-bit integer member, returned with unsigned semantics. */
  public long uint64(String key) {
    String lexeme = integerLexeme(key);
    try {
      return Long.parseUnsignedLong(lexeme);
    } catch (NumberFormatException e) {
      throw fail(path + "." + key + " must be an unsigned 64-bit integer, not " + lexeme);
    }
  }

  /** An unsigned 64-bit integer member that is at least 1 (tenant and namespace ids). */
  public long positiveId(String key) {
    long id = uint64(key);
    if (id == 0) {
      throw fail(path + "." + key + " must be at least 1");
    }
    return id;
  }

  public RunpackException fail(String message) {
    return new RunpackException(code, message);
  }

  private String integerLexeme(String key) {
    JsonValue value = value(key);
    if (!(value instanceof JsonNumber number) || !number.isIntegerLiteral()) {
      throw wrongType(key, "an integer", value);
    }
    return number.lexeme();
  }

  private RunpackException wrongType(String key, String expected, JsonValue actual) {
    String actualName = actual instanceof JsonNumber ? "number " + actual : actual.typeName();
    return fail(path + "." + key + " must be " + expected + ", not " + actualName);
  }
}

package io.runpack.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object. Members keep their insertion order here; the canonical writer orders them.
 *
 * <p>Invariant: no key appears twice. Decision Gate keeps the last of duplicate keys; Runpack
 * rejects them instead (FORMAT §1, fail closed), so the {@link Builder} refuses a second put.
 */
public final class JsonObject implements JsonValue {

  public static final JsonObject EMPTY = new JsonObject(Map.of());

  private final Map<String, JsonValue> members;

  private JsonObject(Map<String, JsonValue> members) {
    this.members = members;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The members in insertion order, unmodifiable. */
  public Map<String, JsonValue> members() {
    return members;
  }

  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(members.get(key));
  }

  public int size() {
    return members.size();
  }

  @Override
  public String typeName() {
    return "object";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject that && members.equals(that.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return members.toString();
  }

  /** Collects members, refusing duplicate keys. Single use. */
  public static final class Builder {
    private LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a member; fails with {@link JsonError#DUPLICATE_KEY} if the key is already present. */
    public Builder put(String key, JsonValue value) {
      if (members.putIfAbsent(key, value) != null) {
        throw new JsonException(JsonError.DUPLICATE_KEY, "duplicate key \"" + key + "\"");
      }
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, new JsonString(value));
    }

    public Builder put(String key, boolean value) {
      return put(key, JsonBoolean.of(value));
    }

    public boolean containsKey(String key) {
      return members.containsKey(key);
    }

    public JsonObject build() {
      JsonObject built = new JsonObject(Collections.unmodifiableMap(members));
      members = null;
      return built;
    }
  }
}

package io.runpack.json;

/** The JSON {@code null} literal (RFC 8259 §3), written as it is. */
public enum JsonNull implements JsonValue {
  INSTANCE;

  @Override
  public String typeName() {
    return "null";
  }
}

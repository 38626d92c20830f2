package io.runpack.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JSON value held as its canonical bytes (FORMAT §1), as {@link CanonicalJson#canonicalValue}
 * made them from JSON text; writing it canonically copies the bytes. Log records take this form on
 * the export path: they are never inspected, only written, so they are never a tree.
 *
 * <p>Invariants: the bytes are canonical JSON, nested {@link #depth()} levels deep; they are never
 * exposed for writing. Two values are equal when their canonical bytes are.
 */
public final class JsonCanonical implements JsonValue {

  private final byte[] bytes;
  private final int depth;

  JsonCanonical(byte[] bytes, int depth) {
    this.bytes = bytes;
    this.depth = depth;
  }

  /** Levels of arrays and objects, 0 for a scalar. */
  public int depth() {
    return depth;
  }

  /** Length of the canonical bytes. */
  public int length() {
    return bytes.length;
  }

  byte[] bytes() {
    return bytes;
  }

  /**
   * The elements of an array held canonical, each held canonical in turn: for a store that writes a
   * log record by record. Not for the export path, which writes the array whole.
   */
  public List<JsonValue> elements() {
    if (bytes[0] != '[') {
      throw new IllegalStateException("not an array but " + typeName());
    }
    List<JsonValue> elements = new ArrayList<>();
    Canonicalizer canonicalizer = new Canonicalizer();
    JsonStream stream = JsonStream.of(bytes);
    stream.next(); // the array's '['
    while (stream.next() != JsonStream.Token.END_ARRAY) {
      int start = stream.tokenStart();
      stream.skip();
      elements.add(
          canonicalizer.canonicalValue(
              Arrays.copyOfRange(bytes, start, stream.tokenEnd()), Integer.MAX_VALUE - 8));
    }
    return elements;
  }

  /** The canonical text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String typeName() {
    return switch (bytes[0]) {
      case '{' -> "object";
      case '[' -> "array";
      case '"' -> "string";
      case 't', 'f' -> "boolean";
      case 'n' -> "null";
      default -> "number";
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonCanonical that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return text();
  }
}

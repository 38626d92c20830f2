package io.runpack.json;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Decision Gate's canonical JSON writer (FORMAT §1): RFC 8785 (JCS) without whitespace, with three
 * deliberate differences: exact 64-bit integers, members sorted by their escaped UTF-8 key bytes
 * followed by the closing quote, and duplicate keys rejected (by {@link JsonObject}).
 *
 * <p>Guarantees: the same value always gives the same bytes; output never exceeds the byte limit it
 * is given (the writer stops as soon as it would); values nested deeper than {@link #MAX_DEPTH} are
 * refused rather than overflowing the stack.
 */
public final class CanonicalJson {

  /** Deepest nesting of arrays and objects accepted anywhere in Runpack. */
  public static final int MAX_DEPTH = 128;

  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  private CanonicalJson() {}

  /** The canonical bytes of {@code value}, without a byte limit beyond the JVM's array size. */
  public static byte[] toBytes(JsonValue value) {
    return toBytes(value, Integer.MAX_VALUE - 8);
  }

  /**
   * The canonical bytes of {@code value}; fails with {@link JsonError#SIZE_LIMIT} or {@link
   * JsonError#DEPTH_LIMIT} as soon as they would exceed {@code maxBytes}, and with {@link
   * JsonError#LONE_SURROGATE} or {@link JsonError#NUMBER_OUT_OF_RANGE} for values that have no
   * canonical form (lone surrogates, numbers overflowing a double).
   */
  public static byte[] toBytes(JsonValue value, int maxBytes) {
    long known = knownSize(value);
    ByteOutput out =
        known > 0 && known <= maxBytes
            ? new ByteOutput(maxBytes, (int) known)
            : new ByteOutput(maxBytes);
    write(value, out, 0);
    return out.toByteArray();
  }

  /**
   * The exact canonical size of a value held canonical, or of an array of such values (a log of
   * records), so that its bytes are written once into an array of the right size; -1 for anything
   * else.
   */
  private static long knownSize(JsonValue value) {
    if (value instanceof JsonCanonical canonical) {
      return canonical.length();
    }
    if (!(value instanceof JsonArray array) || array.elements().isEmpty()) {
      return -1;
    }
    long size = 1 + array.elements().size(); // brackets and the commas between elements
    for (JsonValue element : array.elements()) {
      if (!(element instanceof JsonCanonical canonical)) {
        return -1;
      }
      size += canonical.length();
    }
    return size;
  }

  /**
   * The canonical bytes of JSON text, without building a tree, with working memory for this call
   * only (a caller canonicalizing many documents holds a {@link Canonicalizer}): the same bytes as
   * decoding it strictly and calling {@link #toBytes(JsonValue, int)}, and the same refusals, each
   * naming the byte offset.
   */
  public static byte[] canonicalize(byte[] json, int maxBytes) {
    return new Canonicalizer().canonicalize(json, maxBytes);
  }

  /** JSON text as a value held in canonical form, for values that are written but never read. */
  public static JsonCanonical canonicalValue(byte[] json, int maxBytes) {
    return new Canonicalizer().canonicalValue(json, maxBytes);
  }

  /** The escaped UTF-8 bytes of {@code s} as they appear between quotes in canonical output. */
  public static byte[] escapedUtf8(String s) {
    ByteOutput out = new ByteOutput(Integer.MAX_VALUE - 8);
    writeStringContent(s, out);
    return out.toByteArray();
  }

  private static void write(JsonValue value, ByteOutput out, int depth) {
    if (value instanceof JsonObject object) {
      writeObject(object, out, enter(depth));
    } else if (value instanceof JsonArray array) {
      writeArray(array, out, enter(depth));
    } else if (value instanceof JsonString string) {
      writeString(string.value(), out);
    } else if (value instanceof JsonCanonical canonical) {
      if (depth + canonical.depth() > MAX_DEPTH) {
        throw new JsonException(
            JsonError.DEPTH_LIMIT, "JSON nesting deeper than the limit of " + MAX_DEPTH);
      }
      out.write(canonical.bytes());
    } else if (value instanceof JsonNumber number) {
      CanonicalNumbers.write(number, out);
    } else if (value instanceof JsonBoolean bool) {
      out.writeAscii(bool.value() ? "true" : "false");
    } else {
      out.writeAscii("null");
    }
  }

  private static int enter(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new JsonException(
          JsonError.DEPTH_LIMIT, "JSON nesting deeper than the limit of " + MAX_DEPTH);
    }
    return depth + 1;
  }

  private static void writeArray(JsonArray array, ByteOutput out, int depth) {
    out.write('[');
    boolean first = true;
    for (JsonValue element : array.elements()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      write(element, out, depth);
    }
    out.write(']');
  }

  private static void writeObject(JsonObject object, ByteOutput out, int depth) {
    SortedMember[] sorted = new SortedMember[object.size()];
    int i = 0;
    for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
      sorted[i++] = new SortedMember(keyBytes(member.getKey()), member.getValue());
    }
    Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(a.keyWithQuote, b.keyWithQuote));
    out.write('{');
    for (int m = 0; m < sorted.length; m++) {
      if (m > 0) {
        out.write(',');
      }
      out.write('"');
      out.write(sorted[m].keyWithQuote); // already ends with the closing quote
      out.write(':');
      write(sorted[m].value, out, depth);
    }
    out.write('}');
  }

  /** FORMAT §1: keys sort by their escaped UTF-8 bytes followed by the closing quote. */
  private static byte[] keyBytes(String key) {
    ByteOutput out = new ByteOutput(Integer.MAX_VALUE - 8);
    writeStringContent(key, out);
    out.write('"');
    return out.toByteArray();
  }

  private static void writeString(String s, ByteOutput out) {
    out.write('"');
    writeStringContent(s, out);
    out.write('"');
  }

  /**
   * FORMAT §1 "Strings": two-character escapes for quote, backslash, BS, TAB, LF, FF and CR;
   * six-character escapes (lowercase hex) for the rest below U+0020.
   */
  private static void writeStringContent(String s, ByteOutput out) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        writeAsciiChar(c, out);
      } else if (c < 0x800) {
        out.write(0xc0 | (c >> 6));
        out.write(0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 >= n
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          throw new JsonException(
              JsonError.LONE_SURROGATE,
              String.format(
                  Locale.ROOT, "string contains a lone surrogate U+%04X at index %d", (int) c, i));
        }
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.write(0xf0 | (cp >> 18));
        out.write(0x80 | ((cp >> 12) & 0x3f));
        out.write(0x80 | ((cp >> 6) & 0x3f));
        out.write(0x80 | (cp & 0x3f));
      } else {
        out.write(0xe0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3f));
        out.write(0x80 | (c & 0x3f));
      }
    }
  }

  private static void writeAsciiChar(char c, ByteOutput out) {
    if (c >= 0x20 && c != '"' && c != '\\') {
      out.write(c);
      return;
    }
    out.write('\\');
    switch (c) {
      case '"' -> out.write('"');
      case '\\' -> out.write('\\');
      case '\b' -> out.write('b');
      case '\t' -> out.write('t');
      case '\n' -> out.write('n');
      case '\f' -> out.write('f');
      case '\r' -> out.write('r');
      default -> {
        out.writeAscii("u00");
        out.write(HEX[c >> 4]);
        out.write(HEX[c & 0xf]);
      }
    }
  }

  private record SortedMember(byte[] keyWithQuote, JsonValue value) {}
}

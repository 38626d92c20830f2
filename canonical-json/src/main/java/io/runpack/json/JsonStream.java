package io.runpack.json;

import java.nio.charset.StandardCharsets;

/**
 * Strict JSON text (RFC 8259, UTF-8) read token by token, without a tree: what the verifier uses to
 * inspect logs of up to 16 MiB in memory proportional to their bytes, never to their shape.
 *
 * <p>Refuses exactly what the one-pass canonicalizer refuses ({@link CanonicalTranscoder}: invalid
 * UTF-8 or grammar, a byte order mark, duplicate keys, lone surrogates, numbers that overflow a
 * double; nesting deeper than {@link CanonicalJson#MAX_DEPTH} and numbers longer than {@link
 * JsonNumber#MAX_LEXEME_LENGTH}: each a {@link JsonException} with its {@link JsonError}, each
 * naming the byte offset. Working memory: the keys of the objects open at the current token (kept
 * to find duplicates, as spans of one buffer) and the current token. Not thread-safe.
 */
public final class JsonStream extends StreamGrammar {

  /** What {@link #next()} read. */
  public enum Token {
    START_OBJECT,
    END_OBJECT,
    START_ARRAY,
    END_ARRAY,
    NAME,
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL;

    /** The JSON type a value starting with this token has, as {@link JsonValue#typeName()}. */
    public String typeName() {
      return switch (this) {
        case START_OBJECT -> "object";
        case START_ARRAY -> "array";
        case STRING -> "string";
        case NUMBER -> "number";
        case TRUE, FALSE -> "boolean";
        case NULL -> "null";
        default -> throw new IllegalStateException(this + " does not start a value");
      };
    }
  }

  private JsonStream(byte[] json, int offset, boolean document) {
    super(json, offset, document);
  }

  /** A stream over a whole document: one value, nothing after it but whitespace. */
  public static JsonStream of(byte[] json) {
    JsonStream stream = new JsonStream(json, 0, true);
    stream.refuseByteOrderMark();
    return stream;
  }

  /**
   * A stream over the one value that starts at {@code offset} (a {@link #tokenStart()} of a
   * document read before); it ends with that value, whatever follows.
   */
  public static JsonStream valueAt(byte[] json, int offset) {
    return new JsonStream(json, offset, false);
  }

  /** Reads a whole document, refusing anything the stream refuses. */
  public static void check(byte[] json) {
    JsonStream stream = of(json);
    while (stream.next() != null) {
      // every token is checked as it is read
    }
  }

  /** The next token, or null after the last one. */
  public Token next() {
    if (token != Token.NAME) {
      out.truncate(textStart); // keys stay until their object ends; any other text goes
    }
    token = read();
    return token;
  }

  /** The current token. */
  public Token token() {
    return token;
  }

  /** Byte offset of the current token in the text. */
  public int tokenStart() {
    return tokenStart;
  }

  /** Byte offset just past the current token (past the closing bracket after {@link #skip()}). */
  public int tokenEnd() {
    return tokenEnd;
  }

  /** Levels of objects and arrays open after the current token. */
  public int depth() {
    return depth;
  }

  /** After a value's first token: moves to its last (its closing bracket for a container). */
  public void skip() {
    if (token != Token.START_OBJECT && token != Token.START_ARRAY) {
      return;
    }
    int target = depth - 1;
    while (depth > target) {
      next();
    }
  }

  /** The current name or string, decoded. */
  public String stringValue() {
    return new String(stringBytes(), StandardCharsets.UTF_8);
  }

  /** The UTF-8 bytes of the current name or string, decoded. */
  public byte[] stringBytes() {
    return decode(out.buffer(), textStart + 1, out.size() - 1);
  }

  /** True when the current name or string is {@code ascii} (printable ASCII, no quote or '\'). */
  public boolean textEquals(String ascii) {
    int from = textStart + 1;
    int length = out.size() - 1 - from;
    if (length != ascii.length()) {
      return false;
    }
    byte[] buffer = out.buffer();
    for (int i = 0; i < length; i++) {
      if (buffer[from + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The current number as written. */
  public String lexeme() {
    return new String(in, tokenStart, tokenEnd - tokenStart, StandardCharsets.US_ASCII);
  }

  /**
   * The UTF-8 bytes of canonical string content {@code text[from, to)} (FORMAT §1 "Strings": only
   * the two-character escapes and {@code \\u00xx} occur), unescaped.
   */
  static byte[] decode(byte[] text, int from, int to) {
    int escapes = 0;
    for (int i = from; i < to; i++) {
      if (text[i] == '\\') {
        escapes++;
        i++;
      }
    }
    if (escapes == 0) {
      return java.util.Arrays.copyOfRange(text, from, to);
    }
    byte[] bytes = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte b = text[i];
      if (b != '\\') {
        bytes[n++] = b;
        continue;
      }
      byte kind = text[++i];
      bytes[n++] =
          switch (kind) {
            case 'b' -> '\b';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case 'u' -> {
              int value = Character.digit(text[i + 3], 16) * 16 + Character.digit(text[i + 4], 16);
              i += 4;
              yield (byte) value;
            }
            default -> kind; // '"' and '\\'
          };
    }
    return java.util.Arrays.copyOf(bytes, n);
  }
}

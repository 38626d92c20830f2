package io.runpack.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.nio.charset.StandardCharsets;

/**
 * Strict JSON text (RFC 8259, UTF-8) read token by token, without a tree: what the verifier uses to
 * inspect logs of up to 16 MiB in memory proportional to their bytes, never to their shape.
 *
 * <p>Refuses exactly what the one-pass canonicalizer refuses ({@link CanonicalTranscoder}: invalid
 * UTF-8 or grammar, a byte order mark, duplicate keys, lone surrogates, numbers that overflow a
 * double ({@link ErrorCode#INVALID_JSON}); nesting deeper than {@link CanonicalJson#MAX_DEPTH} and
 * numbers longer than {@link JsonNumber#MAX_LEXEME_LENGTH} ({@link ErrorCode#LIMIT_EXCEEDED}), each
 * naming the byte offset. Working memory: the keys of the objects open at the current token (kept
 * to find duplicates, as spans of one buffer) and the current token. Not thread-safe.
 */
public final class JsonStream extends CanonicalLexer {

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

  /** What the grammar allows next. */
  private enum Expect {
    VALUE,
    FIRST_NAME,
    FIRST_ELEMENT,
    NAME_VALUE,
    SEPARATOR,
    DONE
  }

  private final boolean document;
  private final ObjectMembers members = new ObjectMembers();
  private final boolean[] isObject = new boolean[CanonicalJson.MAX_DEPTH + 1];
  private final int[] firstMember = new int[CanonicalJson.MAX_DEPTH + 1];
  private final int[] keysMark = new int[CanonicalJson.MAX_DEPTH + 1];
  private final boolean[] sorted = new boolean[CanonicalJson.MAX_DEPTH + 1];
  private int depth;
  private Expect expect = Expect.VALUE;
  private Token token;
  private int tokenStart;
  private int tokenEnd;
  private int textStart;

  private JsonStream(byte[] json, int offset, boolean document) {
    super(json, new ByteOutput(Integer.MAX_VALUE - 8));
    this.pos = offset;
    this.document = document;
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

  private Token read() {
    switch (expect) {
      case DONE -> {
        return null;
      }
      case VALUE, NAME_VALUE -> {
        skipWhitespace();
        if (document && depth == 0 && pos >= end) {
          throw new RunpackException(ErrorCode.INVALID_JSON, "empty JSON document");
        }
        if (expect == Expect.NAME_VALUE) {
          expect(':', "':' after a member name");
          skipWhitespace();
        }
        return value();
      }
      case FIRST_NAME -> {
        skipWhitespace();
        return peek() == '}' ? close('}') : name();
      }
      case FIRST_ELEMENT -> {
        skipWhitespace();
        return peek() == ']' ? close(']') : value();
      }
      default -> {
        skipWhitespace();
        boolean object = isObject[depth];
        byte next = peek();
        if (next == (object ? '}' : ']')) {
          return close(next);
        }
        if (next != ',') {
          throw invalid(unexpected(object ? "',' or '}' in an object" : "',' or ']' in an array"));
        }
        pos++;
        skipWhitespace();
        return object ? name() : value();
      }
    }
  }

  private Token value() {
    tokenStart = pos;
    textStart = out.size();
    Token read =
        switch (peek()) {
          case '{' -> open(true);
          case '[' -> open(false);
          case '"' -> {
            string();
            yield Token.STRING;
          }
          case 't' -> literal("true", Token.TRUE);
          case 'f' -> literal("false", Token.FALSE);
          case 'n' -> literal("null", Token.NULL);
          default -> {
            if (in[pos] == '-' || isDigit(in[pos])) {
              number();
              yield Token.NUMBER;
            }
            throw invalid(unexpected("a JSON value"));
          }
        };
    tokenEnd = pos;
    if (read != Token.START_OBJECT && read != Token.START_ARRAY) {
      afterValue();
    }
    return read;
  }

  private Token literal(String word, Token kind) {
    literal(word);
    return kind;
  }

  private Token open(boolean object) {
    if (depth >= CanonicalJson.MAX_DEPTH) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          "JSON nesting deeper than the limit of " + CanonicalJson.MAX_DEPTH + " at byte " + pos);
    }
    pos++;
    depth++;
    isObject[depth] = object;
    if (object) {
      firstMember[depth] = members.open();
      keysMark[depth] = out.size();
      sorted[depth] = true;
    }
    expect = object ? Expect.FIRST_NAME : Expect.FIRST_ELEMENT;
    return object ? Token.START_OBJECT : Token.START_ARRAY;
  }

  private Token close(int bracket) {
    tokenStart = pos;
    pos++;
    tokenEnd = pos;
    if (bracket == '}') {
      int first = firstMember[depth];
      if (!sorted[depth]) {
        int duplicate = members.duplicate(first, out.buffer());
        if (duplicate >= 0) {
          throw duplicateKey(members.keyStart(duplicate), members.keyEnd(duplicate), duplicate);
        }
      }
      members.close(first);
      out.truncate(keysMark[depth]);
    }
    depth--;
    textStart = out.size();
    afterValue();
    return bracket == '}' ? Token.END_OBJECT : Token.END_ARRAY;
  }

  private Token name() {
    if (peek() != '"') {
      throw invalid(unexpected("a member name"));
    }
    tokenStart = pos;
    textStart = out.size();
    string();
    tokenEnd = pos;
    int member = members.addKey(out.buffer(), textStart, out.size(), tokenStart);
    int order = members.compareWithPrevious(firstMember[depth], out.buffer(), member);
    if (order == 0) {
      throw duplicateKey(textStart, out.size(), member);
    }
    sorted[depth] &= order > 0;
    expect = Expect.NAME_VALUE;
    return Token.NAME;
  }

  private void afterValue() {
    if (depth > 0) {
      expect = Expect.SEPARATOR;
      return;
    }
    expect = Expect.DONE;
    if (document) {
      skipWhitespace();
      if (pos < end) {
        throw invalid("trailing content after the JSON value");
      }
    }
  }

  /** RFC 8259 §6, and FORMAT §1 "Numbers" for what cannot be written canonically. */
  private void number() {
    int start = pos;
    boolean integer = scanNumber();
    try {
      CanonicalNumbers.write(in, start, pos, integer, out);
    } catch (RunpackException e) {
      throw new RunpackException(e.code(), e.getMessage() + " at byte " + start);
    }
  }

  private RunpackException duplicateKey(int keyStart, int keyEnd, int member) {
    String key =
        new String(out.buffer(), keyStart + 1, keyEnd - keyStart - 2, StandardCharsets.UTF_8);
    return new RunpackException(
        ErrorCode.INVALID_JSON,
        "duplicate key \"" + key + "\" at byte " + members.keyOffset(member));
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

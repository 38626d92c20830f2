package io.runpack.json;

/**
 * A JSON number, kept as the exact lexeme it was written with, because the canonical form depends
 * on it (FORMAT §1: an integer literal that fits 64 bits is written exactly, anything else as an
 * ECMAScript double).
 *
 * <p>Invariant: the lexeme matches RFC 8259's number grammar and is at most {@link
 * #MAX_LEXEME_LENGTH} characters long.
 */
public final class JsonNumber implements JsonValue {

  /** Longest number lexeme accepted; longer ones are rejected before any conversion. */
  public static final int MAX_LEXEME_LENGTH = 1_000;

  private final String lexeme;

  private JsonNumber(String lexeme) {
    this.lexeme = lexeme;
  }

  /** Parses a lexeme, failing with {@link JsonError#INVALID_JSON} if it is not a JSON number. */
  public static JsonNumber of(String lexeme) {
    if (lexeme.length() > MAX_LEXEME_LENGTH) {
      throw tooLong(lexeme.length());
    }
    if (!isValidLexeme(lexeme)) {
      throw new JsonException(JsonError.INVALID_JSON, "invalid number literal: " + lexeme);
    }
    return new JsonNumber(lexeme);
  }

  /** The refusal of a number lexeme of {@code length} characters, over the limit. */
  static JsonException tooLong(int length) {
    return new JsonException(
        JsonError.NUMBER_LENGTH_LIMIT,
        "number has " + length + " characters, over the limit of " + MAX_LEXEME_LENGTH);
  }

  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value));
  }

  /** The number whose value is {@code value} read as an unsigned 64-bit integer. */
  public static JsonNumber ofUnsigned(long value) {
    return new JsonNumber(Long.toUnsignedString(value));
  }

  public String lexeme() {
    return lexeme;
  }

  /** True when the lexeme has no fraction and no exponent. */
  public boolean isIntegerLiteral() {
    for (int i = 0; i < lexeme.length(); i++) {
      char c = lexeme.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String typeName() {
    return "number";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonNumber that && lexeme.equals(that.lexeme);
  }

  @Override
  public int hashCode() {
    return lexeme.hashCode();
  }

  @Override
  public String toString() {
    return lexeme;
  }

  // RFC 8259 §6: [ minus ] int [ frac ] [ exp ]
  private static boolean isValidLexeme(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else if (isDigit(s.charAt(i))) {
      i = skipDigits(s, i);
    } else {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      i = skipDigits(s, i);
      if (i == start) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      i = skipDigits(s, i);
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

package io.runpack.json;

import java.util.Locale;

/**
 * A cursor over strict JSON text (RFC 8259, UTF-8), the lexical ground the canonicalizer and the
 * stream stand on: whitespace (RFC 8259 §2), the literals {@code true}, {@code false} and {@code
 * null} (§3), number tokens (§6, and the {@link JsonNumber#MAX_LEXEME_LENGTH} limit) and the byte
 * order mark refused (§8.1). Every refusal is a {@link JsonException} naming the byte offset;
 * canonical output goes to {@link #out}.
 *
 * <p>Text that is already canonical need not be copied as it is read: it can stay <em>pending</em>,
 * from {@link #pending} to the cursor, and go to the output in one copy ({@link #flush}) when
 * something must be written differently (an escape, whitespace, a number, members sorted) or the
 * text ends. Canonical JSON read from compact text is mostly such runs.
 */
abstract class JsonCursor {

  final byte[] in;
  final int end;
  final ByteOutput out;
  int pos;

  /** Start of the text read that goes to the output as it is and is not written yet. */
  int pending;

  JsonCursor(byte[] in, ByteOutput out) {
    this.in = in;
    this.end = in.length;
    this.out = out;
  }

  /** Writes the pending text, up to the cursor. */
  final void flush() {
    flush(pos);
  }

  /** Writes the pending text up to {@code upTo}, where the text still to be written starts. */
  final void flush(int upTo) {
    if (upTo > pending) {
      out.write(in, pending, upTo - pending);
    }
    pending = upTo;
  }

  /** Where the cursor's byte lands in the output once the pending text is written. */
  final int outputPosition() {
    return out.size() + (pos - pending);
  }

  /** Whitespace (RFC 8259 §2), which canonical text has none of: the text before it is written. */
  final void gap() {
    if (pos < end && (in[pos] & 0xff) <= ' ') { // the usual case: none at all
      flush();
      skipWhitespace();
      pending = pos;
    }
  }

  /**
   * RFC 8259 §8.1: JSON text must not begin with a byte order mark. Decision Gate's reader refuses
   * one, and so does every reader of Runpack, so that no two readers disagree on a document.
   */
  final void refuseByteOrderMark() {
    if (startsWithByteOrderMark(in)) {
      throw invalid("byte order mark (U+FEFF) before the JSON text");
    }
  }

  /** True when {@code bytes} begin with the UTF-8 byte order mark EF BB BF. */
  static boolean startsWithByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf;
  }

  final void skipWhitespace() {
    // Every byte above U+0020 ends whitespace at once (canonical text has none at all).
    while (pos < end) {
      byte b = in[pos];
      if ((b & 0xff) > ' ' || (b != ' ' && b != '\n' && b != '\r' && b != '\t')) {
        return;
      }
      pos++;
    }
  }

  final byte peek() {
    if (pos >= end) {
      throw invalid("unexpected end of JSON text");
    }
    return in[pos];
  }

  final void expect(char c, String what) {
    if (peek() != c) {
      throw invalid(unexpected(what));
    }
    pos++;
  }

  final void literal(String word) {
    skipLiteral(word);
    out.writeAscii(word);
  }

  /** Moves past {@code word} (a literal, RFC 8259 §3), refusing anything else. */
  final void skipLiteral(String word) {
    int literalEnd = literalEnd(pos, word);
    if (literalEnd < 0) {
      throw invalid(unexpected("a JSON value"));
    }
    pos = literalEnd;
  }

  /** Where {@code word} ends when the text spells it from {@code at}, or -1. */
  final int literalEnd(int at, String word) {
    int n = word.length();
    if (at + n > end) {
      return -1;
    }
    for (int k = 0; k < n; k++) {
      if (in[at + k] != word.charAt(k)) {
        return -1;
      }
    }
    return at + n;
  }

  /**
   * Scans one number from {@code pos} by RFC 8259 §6 ({@code [ minus ] int [ frac ] [ exp ]}),
   * refusing a malformed one ({@link JsonError#INVALID_JSON}) or one longer than {@link
   * JsonNumber#MAX_LEXEME_LENGTH} ({@link JsonError#NUMBER_LENGTH_LIMIT}); true when it has neither
   * a fraction nor an exponent. Leaves {@code pos} after it.
   */
  final boolean scanNumber() {
    return CanonicalNumbers.isIntegerLiteral(scanNumberParts(), pos);
  }

  /**
   * {@link #scanNumber}, giving where the number's parts end ({@link CanonicalNumbers#point},
   * {@link CanonicalNumbers#fractionEnd}), so that {@link CanonicalNumbers#isCanonical(byte[], int,
   * int, long)} need not look for them again.
   */
  final long scanNumberParts() {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
    }
    if (pos < end && in[pos] == '0') {
      pos++;
    } else if (!digits()) {
      throw invalidNumber(start);
    }
    int point = pos;
    if (pos < end && in[pos] == '.') {
      pos++;
      if (!digits()) {
        throw invalidNumber(start);
      }
    }
    int fractionEnd = pos;
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (!digits()) {
        throw invalidNumber(start);
      }
    }
    if (pos - start > JsonNumber.MAX_LEXEME_LENGTH) {
      throw JsonNumber.tooLong(pos - start).withSuffix(" at byte " + start);
    }
    return CanonicalNumbers.parts(point, fractionEnd);
  }

  /** After a member or an element: true past a ',', false past the closing bracket. */
  final boolean another(char close, String expected) {
    if (pos < end && in[pos] == ',') { // the usual case: no whitespace around the comma
      pos++;
      gap();
      return true;
    }
    gap();
    byte next = peek();
    if (next == close) {
      pos++;
      return false;
    }
    if (next != ',') {
      throw invalid(unexpected(expected));
    }
    pos++;
    gap();
    return true;
  }

  /** A number (RFC 8259 §6) left pending if canonical, else written so (FORMAT §1 "Numbers"). */
  final void canonicalNumber() {
    int start = pos;
    long parts = scanNumberParts();
    if (CanonicalNumbers.isCanonical(in, start, pos, parts)) {
      return; // left pending
    }
    flush(start);
    try {
      CanonicalNumbers.write(in, start, pos, CanonicalNumbers.isIntegerLiteral(parts, pos), out);
    } catch (JsonException e) {
      if (e.error().isLimit()) {
        throw e;
      }
      throw e.withSuffix(" at byte " + start);
    }
    pending = pos;
  }

  private JsonException invalidNumber(int start) {
    pos = start;
    return invalid("invalid number literal");
  }

  final boolean digits() {
    int start = pos;
    while (pos + 8 <= end && EightDigits.all(EightDigits.word(in, pos))) {
      pos += 8;
    }
    while (pos < end && isDigit(in[pos])) {
      pos++;
    }
    return pos > start;
  }

  static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  final String unexpected(String what) {
    int b = in[pos] & 0xff;
    String found =
        b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format(Locale.ROOT, "byte 0x%02x", b);
    return "expected " + what + ", found " + found;
  }

  final JsonException invalid(String message) {
    return new JsonException(JsonError.INVALID_JSON, message + " at byte " + pos);
  }
}

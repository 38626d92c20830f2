package io.runpack.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The lexical half of {@link CanonicalTranscoder}: a cursor over strict JSON text (RFC 8259, UTF-8)
 * that skips whitespace, matches literals and writes strings in their canonical form (FORMAT §1
 * "Strings"): content is copied byte for byte unless an escape must be rewritten; UTF-8 is checked
 * as strictly as Runpack's decoder checks it (RFC 3629: no overlong forms, surrogates or values
 * above U+10FFFF); lone surrogate escapes are refused. Every refusal is an {@link
 * ErrorCode#INVALID_JSON} error naming the byte offset.
 */
abstract class CanonicalLexer {

  /** Eight bytes of the text at a time, for {@link #specialBytes}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  final byte[] in;
  final int end;
  final ByteOutput out;
  int pos;

  CanonicalLexer(byte[] in, ByteOutput out) {
    this.in = in;
    this.end = in.length;
    this.out = out;
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
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
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
    int n = word.length();
    if (pos + n > end) {
      throw invalid(unexpected("a JSON value"));
    }
    for (int k = 0; k < n; k++) {
      if (in[pos + k] != word.charAt(k)) {
        throw invalid(unexpected("a JSON value"));
      }
    }
    out.writeAscii(word);
    pos += n;
  }

  /**
   * Scans one number from {@code pos} by RFC 8259 §6 ({@code [ minus ] int [ frac ] [ exp ]}),
   * refusing a malformed one ({@link ErrorCode#INVALID_JSON}) or one longer than {@link
   * JsonNumber#MAX_LEXEME_LENGTH} ({@link ErrorCode#LIMIT_EXCEEDED}); true when it has neither a
   * fraction nor an exponent. Leaves {@code pos} after it.
   */
  final boolean scanNumber() {
    int start = pos;
    boolean integer = true;
    if (in[pos] == '-') {
      pos++;
    }
    if (pos < end && in[pos] == '0') {
      pos++;
    } else if (!digits()) {
      throw invalidNumber(start);
    }
    if (pos < end && in[pos] == '.') {
      integer = false;
      pos++;
      if (!digits()) {
        throw invalidNumber(start);
      }
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      integer = false;
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      if (!digits()) {
        throw invalidNumber(start);
      }
    }
    if (pos - start > JsonNumber.MAX_LEXEME_LENGTH) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          "number has "
              + (pos - start)
              + " characters, over the limit of "
              + JsonNumber.MAX_LEXEME_LENGTH
              + " at byte "
              + start);
    }
    return integer;
  }

  private RunpackException invalidNumber(int start) {
    pos = start;
    return invalid("invalid number literal");
  }

  final boolean digits() {
    int start = pos;
    while (pos < end && isDigit(in[pos])) {
      pos++;
    }
    return pos > start;
  }

  static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** FORMAT §1 "Strings": content is copied unless an escape must be rewritten. */
  final void string() {
    int start = pos;
    pos++; // opening quote
    out.write('"');
    while (true) {
      int run = pos;
      while (pos + 8 <= end) {
        long special = specialBytes((long) LONGS.get(in, pos));
        if (special != 0) {
          pos += Long.numberOfTrailingZeros(special) >>> 3; // the first one is exact
          break;
        }
        pos += 8;
      }
      while (pos < end) {
        byte b = in[pos];
        if (b < 0x20 || b == '"' || b == '\\') { // non-ASCII bytes are negative
          break;
        }
        pos++;
      }
      out.write(in, run, pos - run);
      if (pos >= end) {
        pos = start;
        throw invalid("unterminated string");
      }
      byte b = in[pos];
      if (b == '"') {
        pos++;
        out.write('"');
        return;
      } else if (b == '\\') {
        escape();
      } else if (b >= 0) {
        throw invalid(String.format("unescaped control character U+%04X in a string", (int) b));
      } else {
        utf8Sequence();
      }
    }
  }

  /**
   * One strict UTF-8 sequence (RFC 3629): no overlong forms, surrogates or values above U+10FFFF.
   */
  private void utf8Sequence() {
    int lead = in[pos] & 0xff;
    int length;
    int low = 0x80;
    int high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      low = lead == 0xe0 ? 0xa0 : 0x80;
      high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      low = lead == 0xf0 ? 0x90 : 0x80;
      high = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
      throw invalid("invalid UTF-8 lead byte 0x" + Integer.toHexString(lead));
    }
    if (pos + length > end) {
      throw invalid("truncated UTF-8 sequence");
    }
    for (int k = 1; k < length; k++) {
      int c = in[pos + k] & 0xff;
      if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xbf)) {
        throw invalid("invalid UTF-8 sequence (overlong, surrogate, above U+10FFFF or cut)");
      }
    }
    out.write(in, pos, length);
    pos += length;
  }

  private void escape() {
    int at = pos;
    if (pos + 1 >= end) {
      throw invalid("unterminated escape");
    }
    byte kind = in[pos + 1];
    pos += 2;
    switch (kind) {
      case '"' -> writeEscaped('"');
      case '\\' -> writeEscaped('\\');
      case '/' -> out.write('/');
      case 'b' -> writeEscaped('b');
      case 'f' -> writeEscaped('f');
      case 'n' -> writeEscaped('n');
      case 'r' -> writeEscaped('r');
      case 't' -> writeEscaped('t');
      case 'u' -> codePoint(at);
      default -> {
        pos = at;
        throw invalid("invalid escape \\" + (char) (kind & 0xff));
      }
    }
  }

  private void writeEscaped(char c) {
    out.write('\\');
    out.write(c);
  }

  /** A {@code \\uXXXX} escape (and the low half of a surrogate pair) as canonical output. */
  private void codePoint(int at) {
    int unit = hex4(at);
    int cp = unit;
    if (Character.isHighSurrogate((char) unit)) {
      if (pos + 6 <= end && in[pos] == '\\' && in[pos + 1] == 'u') {
        pos += 2;
        int next = hex4(pos - 2);
        if (!Character.isLowSurrogate((char) next)) {
          pos = at;
          throw loneSurrogate(unit);
        }
        cp = Character.toCodePoint((char) unit, (char) next);
      } else {
        pos = at;
        throw loneSurrogate(unit);
      }
    } else if (Character.isLowSurrogate((char) unit)) {
      pos = at;
      throw loneSurrogate(unit);
    }
    writeCodePoint(cp);
  }

  private int hex4(int escapeAt) {
    if (pos + 4 > end) {
      pos = escapeAt;
      throw invalid("truncated \\u escape");
    }
    int value = 0;
    for (int k = 0; k < 4; k++) {
      int digit = Character.digit(in[pos + k], 16);
      if (digit < 0) {
        pos = escapeAt;
        throw invalid("invalid \\u escape");
      }
      value = (value << 4) | digit;
    }
    pos += 4;
    return value;
  }

  private void writeCodePoint(int cp) {
    if (cp < 0x20) {
      switch (cp) {
        case '\b' -> writeEscaped('b');
        case '\t' -> writeEscaped('t');
        case '\n' -> writeEscaped('n');
        case '\f' -> writeEscaped('f');
        case '\r' -> writeEscaped('r');
        default -> {
          out.write('\\');
          out.write('u');
          out.write('0');
          out.write('0');
          out.write(HEX[cp >> 4]);
          out.write(HEX[cp & 0xf]);
        }
      }
    } else if (cp == '"' || cp == '\\') {
      writeEscaped((char) cp);
    } else if (cp < 0x80) {
      out.write(cp);
    } else if (cp < 0x800) {
      out.write(0xc0 | (cp >> 6));
      out.write(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out.write(0xe0 | (cp >> 12));
      out.write(0x80 | ((cp >> 6) & 0x3f));
      out.write(0x80 | (cp & 0x3f));
    } else {
      out.write(0xf0 | (cp >> 18));
      out.write(0x80 | ((cp >> 12) & 0x3f));
      out.write(0x80 | ((cp >> 6) & 0x3f));
      out.write(0x80 | (cp & 0x3f));
    }
  }

  final String unexpected(String what) {
    int b = in[pos] & 0xff;
    String found = b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    return "expected " + what + ", found " + found;
  }

  final RunpackException invalid(String message) {
    return new RunpackException(ErrorCode.INVALID_JSON, message + " at byte " + pos);
  }

  /**
   * The high bit of each of eight bytes (little-endian) that ends a plain run of string content:
   * non-ASCII, a control character, a quote or a backslash (the classic SWAR zero-byte tests). A
   * borrow can only mark bytes after a marked one, so the lowest mark is always exact.
   */
  private static long specialBytes(long eight) {
    long controls = (eight - 0x20 * ONES) & ~eight;
    long quotes = hasZeroByte(eight ^ ('"' * ONES));
    long backslashes = hasZeroByte(eight ^ ('\\' * ONES));
    return (eight | controls | quotes | backslashes) & HIGHS;
  }

  private static long hasZeroByte(long v) {
    return (v - ONES) & ~v;
  }

  private RunpackException loneSurrogate(int unit) {
    return invalid(String.format("string contains a lone surrogate U+%04X", unit));
  }
}

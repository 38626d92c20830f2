package io.runpack.domain.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;

/**
 * Strict JSON text (RFC 8259, UTF-8) straight to Decision Gate's canonical bytes (FORMAT §1), in
 * one pass and without building a tree: bytes that are already canonical (plain string content,
 * 64-bit integers, literals) are copied as they are; escapes, other numbers and member order are
 * rewritten. An object whose keys arrive out of order is sorted in place once it is complete, so
 * input that is already canonical costs one copy.
 *
 * <p>Gives exactly the bytes of {@link CanonicalJson#toBytes(JsonValue, int)} applied to the
 * parsed value, with the same refusals: invalid UTF-8 or grammar, duplicate keys, lone
 * surrogates, overflowing numbers ({@link ErrorCode#INVALID_JSON}, naming the byte offset);
 * nesting deeper than {@link CanonicalJson#MAX_DEPTH}, numbers longer than
 * {@link JsonNumber#MAX_LEXEME_LENGTH} and output over the byte limit
 * ({@link ErrorCode#LIMIT_EXCEEDED}). One instance per call: it is not thread-safe.
 */
final class CanonicalTranscoder {

  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  private final byte[] in;
  private final int end;
  private final ByteOutput out;
  private final ObjectMembers members = new ObjectMembers();
  private int pos;
  private int maxDepth;

  private CanonicalTranscoder(byte[] in, int maxBytes) {
    this.in = in;
    this.end = in.length;
    // Canonical text is rarely longer than its source: one buffer of that size usually suffices.
    this.out = new ByteOutput(maxBytes, Math.min(Math.max(in.length, 16), maxBytes));
  }

  static JsonCanonical transcode(byte[] json, int maxBytes) {
    CanonicalTranscoder transcoder = new CanonicalTranscoder(json, maxBytes);
    transcoder.skipByteOrderMark();
    transcoder.skipWhitespace();
    if (transcoder.pos >= transcoder.end) {
      throw new RunpackException(ErrorCode.INVALID_JSON, "empty JSON document");
    }
    transcoder.value(0);
    transcoder.skipWhitespace();
    if (transcoder.pos < transcoder.end) {
      throw transcoder.invalid("trailing content after the JSON value");
    }
    return new JsonCanonical(transcoder.out.toByteArray(), transcoder.maxDepth);
  }

  private void value(int depth) {
    switch (peek()) {
      case '{' -> object(enter(depth));
      case '[' -> array(enter(depth));
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (in[pos] == '-' || isDigit(in[pos])) {
          number();
        } else {
          throw invalid(unexpected("a JSON value"));
        }
      }
    }
  }

  private int enter(int depth) {
    if (depth >= CanonicalJson.MAX_DEPTH) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          "JSON nesting deeper than the limit of " + CanonicalJson.MAX_DEPTH + " at byte " + pos);
    }
    maxDepth = Math.max(maxDepth, depth + 1);
    return depth + 1;
  }

  private void object(int depth) {
    pos++; // '{'
    out.write('{');
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      out.write('}');
      return;
    }
    int first = members.open();
    boolean sorted = true;
    while (true) {
      if (peek() != '"') {
        throw invalid(unexpected("a member name"));
      }
      int keyOffset = pos;
      int keyStart = out.size();
      string();
      int keyEnd = out.size();
      int order = members.compareWithLast(first, out.buffer(), keyStart, keyEnd);
      if (order == 0) {
        throw duplicateKey(keyStart, keyEnd, keyOffset);
      }
      sorted &= order > 0;
      skipWhitespace();
      expect(':', "':' after a member name");
      out.write(':');
      skipWhitespace();
      value(depth);
      members.add(keyStart, keyEnd, out.size(), keyOffset);
      skipWhitespace();
      byte next = peek();
      pos++;
      if (next == '}') {
        break;
      }
      if (next != ',') {
        pos--;
        throw invalid(unexpected("',' or '}' in an object"));
      }
      out.write(',');
      skipWhitespace();
    }
    if (!sorted) {
      int duplicate = members.sortInPlace(first, out.buffer());
      if (duplicate >= 0) {
        throw duplicateKey(members.keyStart(duplicate), members.keyEnd(duplicate), members.keyOffset(duplicate));
      }
    }
    members.close(first);
    out.write('}');
  }

  private void array(int depth) {
    pos++; // '['
    out.write('[');
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      out.write(']');
      return;
    }
    while (true) {
      value(depth);
      skipWhitespace();
      byte next = peek();
      pos++;
      if (next == ']') {
        break;
      }
      if (next != ',') {
        pos--;
        throw invalid(unexpected("',' or ']' in an array"));
      }
      out.write(',');
      skipWhitespace();
    }
    out.write(']');
  }

  /** FORMAT §1 "Strings": content is copied unless an escape must be rewritten. */
  private void string() {
    int start = pos;
    pos++; // opening quote
    out.write('"');
    while (true) {
      int run = pos;
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

  /** One strict UTF-8 sequence (RFC 3629): no overlong forms, surrogates or values above U+10FFFF. */
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

  /** RFC 8259 §6: [ minus ] int [ frac ] [ exp ]; FORMAT §1 "Numbers" for the output. */
  private void number() {
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
          "number has " + (pos - start) + " characters, over the limit of "
              + JsonNumber.MAX_LEXEME_LENGTH + " at byte " + start);
    }
    try {
      CanonicalNumbers.write(in, start, pos, integer, out);
    } catch (RunpackException e) {
      if (e.code() == ErrorCode.LIMIT_EXCEEDED) {
        throw e;
      }
      throw new RunpackException(e.code(), e.getMessage() + " at byte " + start);
    }
  }

  private boolean digits() {
    int start = pos;
    while (pos < end && isDigit(in[pos])) {
      pos++;
    }
    return pos > start;
  }

  private void literal(String word) {
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

  /** RFC 8259 §8.1 lets a parser ignore a UTF-8 byte order mark; Runpack's decoder does. */
  private void skipByteOrderMark() {
    if (end >= 3 && (in[0] & 0xff) == 0xef && (in[1] & 0xff) == 0xbb && (in[2] & 0xff) == 0xbf) {
      pos = 3;
    }
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      pos++;
    }
  }

  private byte peek() {
    if (pos >= end) {
      throw invalid("unexpected end of JSON text");
    }
    return in[pos];
  }

  private void expect(char c, String what) {
    if (peek() != c) {
      throw invalid(unexpected(what));
    }
    pos++;
  }

  private String unexpected(String what) {
    int b = in[pos] & 0xff;
    String found = b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    return "expected " + what + ", found " + found;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private RunpackException duplicateKey(int keyStart, int keyEnd, int keyOffset) {
    String key = new String(out.buffer(), keyStart + 1, keyEnd - keyStart - 2, java.nio.charset.StandardCharsets.UTF_8);
    return new RunpackException(ErrorCode.INVALID_JSON, "duplicate key \"" + key + "\" at byte " + keyOffset);
  }

  private RunpackException loneSurrogate(int unit) {
    return invalid(String.format("string contains a lone surrogate U+%04X", unit));
  }

  private RunpackException invalidNumber(int start) {
    pos = start;
    return invalid("invalid number literal");
  }

  private RunpackException invalid(String message) {
    return new RunpackException(ErrorCode.INVALID_JSON, message + " at byte " + pos);
  }
}

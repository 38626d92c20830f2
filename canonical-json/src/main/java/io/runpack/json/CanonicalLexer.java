package io.runpack.json;

import java.util.Locale;

/**
 * JSON strings (RFC 8259 §7) read from the cursor and written in their canonical form (FORMAT §1
 * "Strings", RFC 8785 §3.2.2.2): content is copied byte for byte unless an escape must be
 * rewritten; UTF-8 is checked as strictly as Runpack's decoder checks it (RFC 3629: no overlong
 * forms, surrogates or values above U+10FFFF); lone surrogate escapes are refused. Every refusal is
 * a {@link JsonException} naming the byte offset. A string's text stays pending ({@link
 * JsonCursor#pending}) unless an escape in it must be rewritten.
 */
abstract class CanonicalLexer extends JsonCursor {

  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  CanonicalLexer(byte[] in, ByteOutput out) {
    super(in, out);
  }

  /**
   * FORMAT §1 "Strings": content stays pending, quotes included, unless an escape must be
   * rewritten: then the text before it is written, and the escape in its canonical form.
   */
  final void string() {
    int start = pos;
    pos++;
    while (true) {
      pos = StringContent.plainRun(in, pos, end);
      if (pos >= end) {
        pos = start;
        throw invalid("unterminated string");
      }
      byte b = in[pos];
      if (b == '"') {
        pos++;
        return;
      }
      if (b == '\\') {
        flush();
        escape();
        pending = pos;
      } else if (b >= 0) {
        throw invalid(
            String.format(Locale.ROOT, "unescaped control character U+%04X in a string", (int) b));
      } else {
        utf8Sequence(); // checked, and left pending with the rest of the run
      }
    }
  }

  /**
   * Checks one strict UTF-8 sequence (RFC 3629: no overlong forms, surrogates or values above
   * U+10FFFF) and moves past it; the caller copies it with the run it belongs to.
   */
  private void utf8Sequence() {
    int length = StringContent.sequenceLength(in, pos, end);
    if (length == StringContent.BAD_LEAD) {
      throw invalid("invalid UTF-8 lead byte 0x" + Integer.toHexString(in[pos] & 0xff));
    }
    if (length == StringContent.TRUNCATED) {
      throw invalid("truncated UTF-8 sequence");
    }
    if (length < 0) {
      throw invalid("invalid UTF-8 sequence (overlong, surrogate, above U+10FFFF or cut)");
    }
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

  private JsonException loneSurrogate(int unit) {
    return new JsonException(
        JsonError.LONE_SURROGATE,
        String.format(
            Locale.ROOT, "string contains a lone surrogate U+%04X at byte %d", unit, pos));
  }
}

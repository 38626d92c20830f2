package io.runpack.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

  /** Eight bytes of the text at a time, for {@link #specialBytes}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

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
      int p = pos;
      int stop = -1;
      while (p + 8 <= end) {
        long special = specialBytes((long) LONGS.get(in, p));
        if (special != 0) {
          stop = p + (Long.numberOfTrailingZeros(special) >>> 3); // the first one is exact
          break;
        }
        p += 8;
      }
      if (stop < 0) {
        while (p < end) {
          byte b = in[p];
          if (b < 0x20 || b == '"' || b == '\\') { // non-ASCII bytes are negative
            break;
          }
          p++;
        }
        stop = p;
      }
      pos = stop;
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
    int length = utf8Length(pos);
    if (length == BAD_LEAD) {
      throw invalid("invalid UTF-8 lead byte 0x" + Integer.toHexString(in[pos] & 0xff));
    }
    if (length == TRUNCATED) {
      throw invalid("truncated UTF-8 sequence");
    }
    if (length < 0) {
      throw invalid("invalid UTF-8 sequence (overlong, surrogate, above U+10FFFF or cut)");
    }
    pos += length;
  }

  private static final int BAD_LEAD = -1;
  private static final int TRUNCATED = -2;
  private static final int BAD_SEQUENCE = -3;

  /**
   * The length of the strict UTF-8 sequence at {@code in[at]} (a byte above 0x7F), or why there is
   * none: {@link #BAD_LEAD}, {@link #TRUNCATED} or {@link #BAD_SEQUENCE}.
   */
  private int utf8Length(int at) {
    int lead = in[at] & 0xff;
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
      return BAD_LEAD;
    }
    if (at + length > end) {
      return TRUNCATED;
    }
    for (int k = 1; k < length; k++) {
      int c = in[at + k] & 0xff;
      if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xbf)) {
        return BAD_SEQUENCE;
      }
    }
    return length;
  }

  /**
   * Where the string whose opening quote is at {@code in[at]} ends (past its closing quote) when it
   * is canonical as written: no escape, no control character, strict UTF-8; otherwise -1, and the
   * general way ({@link #string}) reads it, refusal included.
   */
  final int plainStringEnd(int at) {
    int p = at + 1;
    while (true) {
      while (p + 8 <= end) {
        long special = specialBytes((long) LONGS.get(in, p));
        if (special != 0) {
          p += Long.numberOfTrailingZeros(special) >>> 3;
          break;
        }
        p += 8;
      }
      while (p < end && in[p] >= 0x20 && in[p] != '"' && in[p] != '\\') {
        p++;
      }
      if (p >= end) {
        return -1;
      }
      byte b = in[p];
      if (b == '"') {
        return p + 1;
      }
      if (b >= 0) { // a backslash or a control character
        return -1;
      }
      int length = utf8Length(p);
      if (length < 0) {
        return -1;
      }
      p += length;
    }
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

  private JsonException loneSurrogate(int unit) {
    return new JsonException(
        JsonError.LONE_SURROGATE,
        String.format(
            Locale.ROOT, "string contains a lone surrogate U+%04X at byte %d", unit, pos));
  }
}

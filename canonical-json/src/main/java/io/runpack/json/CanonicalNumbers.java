package io.runpack.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a number lexeme the way Decision Gate's canonicalizer does (FORMAT §1, "Numbers"): an
 * integer literal that fits unsigned 64-bit (non-negative) or signed 64-bit (negative) is kept
 * exactly, {@code -0} becomes {@code 0}; anything else is read as an IEEE-754 double ({@link
 * DecimalToDouble}) and written as ECMAScript's {@code Number.prototype.toString} does (ECMA-262
 * §6.1.6.1.20, which RFC 8785 §3.2.2.3 adopts: {@link ShortestDouble}, {@link NumberLayout}).
 * Overflow to infinity is an error.
 *
 * <p>Java's own {@code Double.toString} is not used: before JDK 19 it is not always shortest, and
 * from JDK 19 on it may pick a two-digit form where ECMAScript picks one digit (5e-324).
 */
final class CanonicalNumbers {

  private static final byte[] MAX_U64 = "18446744073709551615".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_I64_MAGNITUDE =
      "9223372036854775808".getBytes(StandardCharsets.US_ASCII);

  /** Significant digits that always survive decimal → double → decimal (DBL_DIG). */
  static final int SAFE_DIGITS = 15;

  /** Significant digits a long holds whatever they are (10^19 - 1 &lt; 2^64, read unsigned). */
  static final int MAX_KEPT_DIGITS = 19;

  /** Decimal exponents kept well away from the subnormal and overflow ranges (1e±308). */
  private static final int SAFE_EXPONENT = 300;

  private CanonicalNumbers() {}

  static void write(JsonNumber number, ByteOutput out) {
    byte[] lexeme = number.lexeme().getBytes(StandardCharsets.US_ASCII);
    write(lexeme, 0, lexeme.length, number.isIntegerLiteral(), out);
  }

  /**
   * True when the valid number lexeme {@code in[start, end)}, whose {@link #parts} the scan that
   * found it gave ({@link JsonCursor#scanNumberParts}), is its own canonical form: a 64-bit integer
   * other than {@code -0}, or a decimal written as ECMAScript writes its value ({@link
   * CanonicalDecimal}).
   */
  static boolean isCanonical(byte[] in, int start, int end, long parts) {
    if (isIntegerLiteral(parts, end)) {
      return fitsSixtyFourBits(in, start, end) && !isNegativeZero(in, start, end);
    }
    return CanonicalDecimal.isCanonical(in, start, end, point(parts), fractionEnd(parts));
  }

  /**
   * The parts of a number lexeme as {@link JsonCursor#scanNumberParts} gives them: where its
   * integer digits end and where its fraction's do (where the former do when it has none).
   */
  static long parts(int point, int fractionEnd) {
    return (long) point << 32 | fractionEnd;
  }

  /** Where the integer digits end, in {@link #parts}. */
  static int point(long parts) {
    return (int) (parts >>> 32);
  }

  /** Where the fraction digits end, in {@link #parts}; where the integer digits do without any. */
  static int fractionEnd(long parts) {
    return (int) parts;
  }

  /** True when the lexeme ending at {@code end} has neither a fraction nor an exponent. */
  static boolean isIntegerLiteral(long parts, int end) {
    return point(parts) == end;
  }

  /** FORMAT §1: the integer literal {@code -0} is written {@code 0}. */
  private static boolean isNegativeZero(byte[] in, int start, int end) {
    return end - start == 2 && in[start] == '-' && in[start + 1] == '0';
  }

  /**
   * Writes the canonical form of the valid number lexeme {@code in[start, end)}. Integer literals
   * that fit 64 bits are copied; decimals take {@link #decimal}; longer integers are read as a
   * double.
   */
  static void write(byte[] in, int start, int end, boolean integerLiteral, ByteOutput out) {
    if (integerLiteral && fitsSixtyFourBits(in, start, end)) {
      if (isNegativeZero(in, start, end)) {
        out.write('0');
      } else {
        out.write(in, start, end - start);
      }
      return;
    }
    if (integerLiteral) { // beyond 64 bits: read as a double like any other number
      writeDouble(DecimalToDouble.parse(in, start, end), in, start, end, out);
      return;
    }
    decimal(in, start, end, out);
  }

  /**
   * Writes a lexeme with a fraction or an exponent, reading it once: its significand w (at most 19
   * digits, exact) and decimal exponent p, value w·10^p. With at most {@link #SAFE_DIGITS}
   * significant digits and a decimal exponent well inside the normal range, those digits are the
   * answer: every such decimal survives the round trip through the nearest double (DBL_DIG), so no
   * shorter decimal, and no other one as short, reads back as the same double. Otherwise w·10^p is
   * read as the nearest double ({@link DecimalToDouble#nearest}) and written shortest; the JDK's
   * parser reads what that cannot (more than 19 significant digits, edges of the range).
   */
  private static void decimal(byte[] in, int start, int end, ByteOutput out) {
    int i = start;
    boolean negative = in[i] == '-';
    if (negative) {
      i++;
    }
    long w = 0;
    int digits = 0; // significant digits in w, from its first non-zero one
    int p = 0;
    boolean exact = true; // false once a non-zero digit falls beyond the 19 kept
    for (byte b; i < end && (b = in[i]) >= '0' && b <= '9'; i++) {
      if (digits < MAX_KEPT_DIGITS) {
        w = w * 10 + (b - '0');
        digits += w == 0 ? 0 : 1;
      } else {
        p++;
        exact &= b == '0';
      }
    }
    if (i < end && in[i] == '.') {
      for (i++; i < end; i++) {
        long word;
        if (w != 0
            && digits <= MAX_KEPT_DIGITS - 8
            && i + 8 <= end
            && EightDigits.all(word = EightDigits.word(in, i))) {
          w = w * 100_000_000 + EightDigits.value(word);
          digits += 8;
          p -= 8;
          i += 7;
          continue;
        }
        byte b = in[i];
        if (b < '0' || b > '9') {
          break;
        }
        if (digits < MAX_KEPT_DIGITS) {
          w = w * 10 + (b - '0');
          digits += w == 0 ? 0 : 1;
          p--;
        } else {
          exact &= b == '0';
        }
      }
    }
    if (i < end) { // at 'e' or 'E'
      p += DecimalToDouble.exponentPart(in, i + 1, end);
    }
    if (w == 0) {
      out.write('0'); // zero, also negative zero
      return;
    }
    if (exact) {
      int trailingZeros = 0;
      for (long v = w; v > 0 && v % 10 == 0; v /= 10) {
        trailingZeros++;
      }
      int n = digits + p; // w·10^p = 0.(significant digits)·10^n
      if (w > 0 // below 2^63: a signed long (19 digits may be more)
          && digits - trailingZeros <= SAFE_DIGITS
          && -SAFE_EXPONENT < n
          && n < SAFE_EXPONENT) {
        if (negative) {
          out.write('-');
        }
        NumberLayout.write(w, p, out);
        return;
      }
      double magnitude = DecimalToDouble.nearest(w, p);
      if (!Double.isNaN(magnitude)) {
        writeDouble(negative ? -magnitude : magnitude, in, start, end, out);
        return;
      }
    }
    // More than 19 significant digits, or an edge of the range: the JDK's exact parser, as
    // DecimalToDouble.parse would end up calling after walking the lexeme again.
    writeDouble(DecimalToDouble.jdk(in, start, end), in, start, end, out);
  }

  private static void writeDouble(double value, byte[] in, int start, int end, ByteOutput out) {
    if (Double.isInfinite(value)) {
      String lexeme = new String(in, start, end - start, StandardCharsets.US_ASCII);
      throw new JsonException(
          JsonError.NUMBER_OUT_OF_RANGE, "number " + abbreviate(lexeme) + " overflows a double");
    }
    ShortestDouble.write(value, out);
  }

  /** ECMAScript Number::toString for a finite double; NaN and infinities are errors. */
  static String ecmaScript(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new JsonException(JsonError.NUMBER_OUT_OF_RANGE, value + " has no JSON form");
    }
    ByteOutput out = new ByteOutput(64);
    ShortestDouble.write(value, out);
    return new String(out.buffer(), 0, out.size(), StandardCharsets.US_ASCII);
  }

  /** Digit runs without leading zeros compare by length, then byte by byte. */
  private static boolean fitsSixtyFourBits(byte[] in, int start, int end) {
    boolean negative = in[start] == '-';
    byte[] max = negative ? MIN_I64_MAGNITUDE : MAX_U64;
    int from = negative ? start + 1 : start;
    int length = end - from;
    if (length != max.length) {
      return length < max.length;
    }
    return Arrays.compare(in, from, end, max, 0, max.length) <= 0;
  }

  private static String abbreviate(String lexeme) {
    return lexeme.length() <= 40 ? lexeme : lexeme.substring(0, 40) + "...";
  }
}

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
  private static final int SAFE_DIGITS = 15;

  /** Decimal exponents kept well away from the subnormal and overflow ranges (1e±308). */
  private static final int SAFE_EXPONENT = 300;

  private CanonicalNumbers() {}

  static void write(JsonNumber number, ByteOutput out) {
    byte[] lexeme = number.lexeme().getBytes(StandardCharsets.US_ASCII);
    write(lexeme, 0, lexeme.length, number.isIntegerLiteral(), out);
  }

  /**
   * Writes the canonical form of the valid number lexeme {@code in[start, end)}. Integer literals
   * that fit 64 bits are copied; decimals with at most {@link #SAFE_DIGITS} significant digits well
   * inside the normal range take {@link #shortDecimal}; the rest are read as a double.
   */
  static void write(byte[] in, int start, int end, boolean integerLiteral, ByteOutput out) {
    if (integerLiteral && fitsSixtyFourBits(in, start, end)) {
      if (end - start == 2 && in[start] == '-' && in[start + 1] == '0') {
        out.write('0');
      } else {
        out.write(in, start, end - start);
      }
      return;
    }
    if (!integerLiteral && shortDecimal(in, start, end, out)) {
      return;
    }
    double value = DecimalToDouble.parse(in, start, end);
    if (Double.isInfinite(value)) {
      String lexeme = new String(in, start, end - start, StandardCharsets.US_ASCII);
      throw new JsonException(
          JsonError.NUMBER_OUT_OF_RANGE, "number " + abbreviate(lexeme) + " overflows a double");
    }
    ShortestDouble.write(value, out);
  }

  /**
   * Writes the ECMAScript form of a decimal lexeme with at most {@link #SAFE_DIGITS} significant
   * digits and a decimal exponent well inside the normal range; false, writing nothing, for any
   * other lexeme. Its digits are the answer: every decimal of at most 15 significant digits in the
   * normal range survives the round trip through the nearest double (DBL_DIG), so no shorter
   * decimal, and no other one as short, reads back as the same double.
   */
  private static boolean shortDecimal(byte[] in, int start, int end, ByteOutput out) {
    int i = start;
    boolean negative = in[i] == '-';
    if (negative) {
      i++;
    }
    long digits = 0; // the significant digits so far, without trailing zeros
    int kept = 0; // how many
    int trailingZeros = 0;
    int fractionDigits = 0;
    boolean inFraction = false;
    for (; i < end; i++) {
      byte b = in[i];
      if (b == '.') {
        inFraction = true;
        continue;
      }
      if (b == 'e' || b == 'E') {
        break;
      }
      if (inFraction) {
        fractionDigits++;
      }
      if (b == '0') {
        if (kept > 0) {
          trailingZeros++;
        }
        continue;
      }
      if (kept + trailingZeros + 1 > SAFE_DIGITS) {
        return false;
      }
      for (; trailingZeros > 0; trailingZeros--) {
        digits *= 10;
        kept++;
      }
      digits = digits * 10 + (b - '0');
      kept++;
    }
    if (kept == 0) {
      out.write('0'); // zero, also negative zero
      return true;
    }
    long exponent = 0;
    if (i < end) { // at 'e' or 'E'
      i++;
      boolean negativeExponent = in[i] == '-';
      if (in[i] == '+' || in[i] == '-') {
        i++;
      }
      for (; i < end; i++) {
        exponent = Math.min(exponent * 10 + (in[i] - '0'), 1_000_000);
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    // value = digits × 10^(exponent − fractionDigits + trailingZeros) = 0.digits × 10^n
    long n = kept + exponent - fractionDigits + trailingZeros;
    if (n <= -SAFE_EXPONENT || n >= SAFE_EXPONENT) {
      return false;
    }
    if (negative) {
      out.write('-');
    }
    NumberLayout.write(digits, (int) n - kept, out);
    return true;
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

package io.runpack.domain.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a number lexeme the way Decision Gate's canonicalizer does (FORMAT §1, "Numbers"): an
 * integer literal that fits unsigned 64-bit (non-negative) or signed 64-bit (negative) is kept
 * exactly, {@code -0} becomes {@code 0}; anything else is read as an IEEE-754 double and written as
 * ECMAScript's {@code Number.prototype.toString} does (ECMA-262 §6.1.6.1.20), which RFC 8785
 * §3.2.2.3 adopts. Overflow to infinity is an error.
 *
 * <p>Java's own {@code Double.toString} is not used: before JDK 19 it is not always shortest, and
 * from JDK 19 on it may pick a two-digit form where ECMAScript picks one digit (5e-324).
 */
final class CanonicalNumbers {

  private static final byte[] MAX_U64 = "18446744073709551615".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_I64_MAGNITUDE =
      "9223372036854775808".getBytes(StandardCharsets.US_ASCII);
  private static final double TWO_POW_53 = 9007199254740992.0;

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
   * inside the normal range take {@link #shortDecimal}; the rest take the general path.
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
    out.writeAscii(general(new String(in, start, end - start, StandardCharsets.US_ASCII)));
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
    byte[] digits = new byte[SAFE_DIGITS]; // scalar-replaced by the JIT: it never escapes
    int kept = 0; // significant digits so far, trailing zeros included
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
        digits[kept++] = '0';
      }
      digits[kept++] = b;
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
    layout(digits, kept, (int) n, out);
    return true;
  }

  /** {@link #layout(String, int)} for digits d1..dk in {@code digits[0, k)}, straight to bytes. */
  private static void layout(byte[] digits, int k, int n, ByteOutput out) {
    if (k <= n && n <= 21) {
      out.write(digits, 0, k);
      for (int z = k; z < n; z++) {
        out.write('0');
      }
    } else if (0 < n && n <= 21) {
      out.write(digits, 0, n);
      out.write('.');
      out.write(digits, n, k - n);
    } else if (-6 < n && n <= 0) {
      out.write('0');
      out.write('.');
      for (int z = n; z < 0; z++) {
        out.write('0');
      }
      out.write(digits, 0, k);
    } else {
      int e = n - 1;
      out.write(digits[0]);
      if (k > 1) {
        out.write('.');
        out.write(digits, 1, k - 1);
      }
      out.write('e');
      out.write(e < 0 ? '-' : '+');
      out.writeAscii(Integer.toString(Math.abs(e)));
    }
  }

  /** The other lexemes: integers beyond 64 bits, long or extreme decimals, read as a double. */
  private static String general(String lexeme) {
    double value = Double.parseDouble(lexeme);
    if (Double.isInfinite(value)) {
      throw new RunpackException(
          ErrorCode.INVALID_JSON, "number " + abbreviate(lexeme) + " overflows a double");
    }
    return ecmaScript(value);
  }

  /** ECMAScript Number::toString for a finite double; NaN and infinities are errors. */
  static String ecmaScript(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new RunpackException(ErrorCode.INVALID_JSON, value + " has no JSON form");
    }
    if (value == 0) {
      return "0"; // also -0.0
    }
    String sign = value < 0 ? "-" : "";
    double magnitude = Math.abs(value);
    if (magnitude < TWO_POW_53 && magnitude == Math.rint(magnitude)) {
      // Exact integers below 2^53: the integer itself is the shortest round-trip form.
      return sign + Long.toString((long) magnitude);
    }
    BigDecimal shortest = shortestRoundTrip(magnitude).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - shortest.scale(); // value = 0.digits * 10^exponent
    return sign + layout(digits, exponent);
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code magnitude}; among
   * those, the closest to it, ties to an even last digit (ECMA-262 Number::toString step 5).
   * Existence at precision p implies existence at p + 1, so the precision is found by bisection.
   */
  private static BigDecimal shortestRoundTrip(double magnitude) {
    BigDecimal exact = new BigDecimal(magnitude);
    if (magnitude > 1e-300 && magnitude < 1e300) {
      // In the normal range at most one decimal of at most 15 digits reads back as a given
      // double (DBL_DIG), and it is a 15-digit neighbour of the double: when one exists it is
      // the answer; when none does, the answer has 16 or 17 digits.
      BigDecimal fifteen = roundTrippingAt(exact, magnitude, SAFE_DIGITS);
      if (fifteen != null) {
        return fifteen;
      }
      BigDecimal sixteen = roundTrippingAt(exact, magnitude, SAFE_DIGITS + 1);
      return sixteen != null ? sixteen : roundTrippingAt(exact, magnitude, SAFE_DIGITS + 2);
    }
    int low = 1;
    int high = 17; // 17 significant digits always round-trip a double
    BigDecimal best = roundTrippingAt(exact, magnitude, high);
    while (low < high) {
      int mid = (low + high) >>> 1;
      BigDecimal candidate = roundTrippingAt(exact, magnitude, mid);
      if (candidate != null) {
        best = candidate;
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return best;
  }

  /** The closest p-digit decimal that round-trips, or null when none does. */
  private static BigDecimal roundTrippingAt(BigDecimal exact, double magnitude, int precision) {
    BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    if (readsBackAs(nearest, magnitude)) {
      return nearest;
    }
    RoundingMode otherWay =
        nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
    BigDecimal other = exact.round(new MathContext(precision, otherWay));
    return readsBackAs(other, magnitude) ? other : null;
  }

  private static boolean readsBackAs(BigDecimal decimal, double magnitude) {
    return Double.parseDouble(decimal.toString()) == magnitude;
  }

  /** ECMA-262 Number::toString steps 6-10 for digits d1..dk and exponent n. */
  private static String layout(String digits, int n) {
    int k = digits.length();
    StringBuilder out = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      out.append(digits);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
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

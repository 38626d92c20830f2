package io.runpack.domain.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a number lexeme the way Decision Gate's canonicalizer does (FORMAT §1, "Numbers"):
 * an integer literal that fits unsigned 64-bit (non-negative) or signed 64-bit (negative) is kept
 * exactly, {@code -0} becomes {@code 0}; anything else is read as an IEEE-754 double and written
 * as ECMAScript's {@code Number.prototype.toString} does (ECMA-262 §6.1.6.1.20), which RFC 8785
 * §3.2.2.3 adopts. Overflow to infinity is an error.
 *
 * <p>Java's own {@code Double.toString} is not used: before JDK 19 it is not always shortest, and
 * from JDK 19 on it may pick a two-digit form where ECMAScript picks one digit (5e-324).
 */
final class CanonicalNumbers {

  private static final String MAX_U64 = "18446744073709551615";
  private static final String MIN_I64_MAGNITUDE = "9223372036854775808";
  private static final double TWO_POW_53 = 9007199254740992.0;

  private CanonicalNumbers() {}

  static String canonical(JsonNumber number) {
    String lexeme = number.lexeme();
    if (number.isIntegerLiteral() && fitsSixtyFourBits(lexeme)) {
      return lexeme.equals("-0") ? "0" : lexeme;
    }
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

  private static boolean fitsSixtyFourBits(String lexeme) {
    if (lexeme.startsWith("-")) {
      return fitsUnder(lexeme.substring(1), MIN_I64_MAGNITUDE);
    }
    return fitsUnder(lexeme, MAX_U64);
  }

  /** Digit strings without leading zeros compare by length, then lexicographically. */
  private static boolean fitsUnder(String digits, String max) {
    if (digits.length() != max.length()) {
      return digits.length() < max.length();
    }
    return digits.compareTo(max) <= 0;
  }

  private static String abbreviate(String lexeme) {
    return lexeme.length() <= 40 ? lexeme : lexeme.substring(0, 40) + "...";
  }
}

package io.runpack.fuzz;

import io.runpack.json.JsonError;
import io.runpack.json.JsonException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The reference for {@link NumberFormattingFuzzTest}: Runpack's number canonicalization as it was
 * before the Schubfach writer (FORMAT §1 "Numbers"), by definition and with BigDecimal: 64-bit
 * integer literals kept, decimals of at most 15 significant digits written from their own digits
 * (DBL_DIG), everything else read with {@link Double#parseDouble} and written as the decimal with
 * the fewest significant digits that reads back, the nearest of those, ties to even (ECMA-262
 * Number::toString step 5). Slow and obviously right; kept for differential fuzzing only.
 */
final class ReferenceNumbers {

  private static final BigDecimal MAX_U64 = new BigDecimal("18446744073709551615");
  private static final BigDecimal MIN_I64 = new BigDecimal("-9223372036854775808");

  private ReferenceNumbers() {}

  /** The canonical text of a valid JSON number lexeme. */
  static String canonical(String lexeme) {
    boolean integerLiteral = lexeme.indexOf('.') < 0 && lexeme.indexOf('e') < 0;
    integerLiteral &= lexeme.indexOf('E') < 0;
    if (integerLiteral) {
      BigDecimal integer = new BigDecimal(lexeme);
      if (integer.compareTo(MAX_U64) <= 0 && integer.compareTo(MIN_I64) >= 0) {
        return integer.signum() == 0 ? "0" : integer.toPlainString();
      }
    }
    BigDecimal decimal = decimal(lexeme);
    if (decimal.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = decimal.stripTrailingZeros();
    int n = stripped.precision() - stripped.scale(); // value = 0.digits × 10^n
    if (!integerLiteral && stripped.precision() <= 15 && -300 < n && n < 300) {
      String digits = stripped.unscaledValue().abs().toString();
      return (decimal.signum() < 0 ? "-" : "") + layout(digits, n);
    }
    double value = Double.parseDouble(lexeme);
    if (Double.isInfinite(value)) {
      String shown = lexeme.length() <= 40 ? lexeme : lexeme.substring(0, 40) + "...";
      throw new JsonException(
          JsonError.NUMBER_OUT_OF_RANGE, "number " + shown + " overflows a double");
    }
    return ecmaScript(value);
  }

  /**
   * The lexeme's value, its exponent clamped far beyond any double's (BigDecimal takes 32 bits).
   */
  private static BigDecimal decimal(String lexeme) {
    int e = Math.max(lexeme.indexOf('e'), lexeme.indexOf('E'));
    if (e < 0) {
      return new BigDecimal(lexeme);
    }
    String digits = lexeme.substring(e + 1);
    boolean negative = digits.startsWith("-");
    long exponent = 0;
    for (char c : digits.replace("-", "").replace("+", "").toCharArray()) {
      exponent = Math.min(exponent * 10 + (c - '0'), 1_000_000);
    }
    return new BigDecimal(lexeme.substring(0, e))
        .scaleByPowerOfTen((int) (negative ? -exponent : exponent));
  }

  /** ECMAScript Number::toString of a finite double. */
  static String ecmaScript(double value) {
    if (value == 0) {
      return "0";
    }
    String sign = value < 0 ? "-" : "";
    double magnitude = Math.abs(value);
    BigDecimal shortest = shortestRoundTrip(magnitude).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    return sign + layout(digits, digits.length() - shortest.scale());
  }

  private static BigDecimal shortestRoundTrip(double magnitude) {
    BigDecimal exact = new BigDecimal(magnitude);
    for (int precision = 1; ; precision++) { // 17 digits always read back
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (readsBackAs(nearest, magnitude)) {
        return nearest;
      }
      RoundingMode otherWay =
          nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
      BigDecimal other = exact.round(new MathContext(precision, otherWay));
      if (readsBackAs(other, magnitude)) {
        return other;
      }
    }
  }

  private static boolean readsBackAs(BigDecimal decimal, double magnitude) {
    return Double.parseDouble(decimal.toString()) == magnitude;
  }

  /** ECMA-262 Number::toString steps 6-10 for digits d1..dk and exponent n. */
  private static String layout(String digits, int n) {
    int k = digits.length();
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    } else if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    } else if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    int e = n - 1;
    String mantissa = k > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    return mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
  }
}

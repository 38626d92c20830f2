package io.runpack.json;

/**
 * A decimal lexeme (RFC 8259 §6, with a fraction or an exponent) that is already its own canonical
 * text (FORMAT §1 "Numbers": ECMAScript's Number::toString of its double, ECMA-262 §6.1.6.1.20), so
 * that the canonicalizer can leave it as it was written instead of reading and writing it again.
 * Decision Gate writes shortest round-trip decimals, most of them laid out as ECMAScript lays them
 * out.
 *
 * <p>The layouts ({@link NumberLayout}), for significant digits d of which there are k, the last
 * not 0, and the point after the n-th: {@code ddd.ddd} for 0 &lt; n ≤ 21 (with k &gt; n: a
 * fraction), {@code 0.000ddd} with −n zeros for −6 &lt; n ≤ 0, and {@code d.ddde+X} / {@code
 * d.ddde-X} (or {@code de±X} for one digit) for n &gt; 21 or n ≤ −6, X = |n − 1| without leading
 * zeros. The digits must be the shortest that read back as the double: always so for at most {@link
 * CanonicalNumbers#SAFE_DIGITS} of them with n well inside the range of doubles (DBL_DIG, as {@link
 * CanonicalNumbers} argues), never for more than {@link CanonicalNumbers#MAX_KEPT_DIGITS} (a double
 * needs at most 17), else checked ({@link ShortestDouble#isShortest}).
 */
final class CanonicalDecimal {

  /** Decimal points kept well away from the subnormal and overflow ranges (1e±308). */
  private static final int SAFE_POINT = 300;

  private CanonicalDecimal() {}

  /**
   * True when the valid lexeme {@code in[start, end)}, not an integer literal, is canonical, given
   * where its integer digits end ({@code point}) and where its fraction's do ({@code mantissaEnd},
   * {@code point} when it has none), as the scan that found it saw them.
   */
  static boolean isCanonical(byte[] in, int start, int end, int point, int mantissaEnd) {
    int i = in[start] == '-' ? start + 1 : start;
    if (point == end) {
      return false; // an integer literal: CanonicalNumbers sees to those
    }
    if (in[point] == '.' && in[mantissaEnd - 1] == '0') {
      return false; // a fraction ending in 0
    }
    int fractionDigits = Math.max(0, mantissaEnd - point - 1);
    int significant;
    int n; // the decimal point after the n-th significant digit
    if (mantissaEnd == end) { // no exponent
      if (in[i] != '0') {
        significant = point - i + fractionDigits; // n = point - i ≤ 21 when significant ≤ 19
        n = point - i;
      } else {
        int zeros = 0;
        while (in[point + 1 + zeros] == '0') {
          zeros++;
        }
        if (zeros >= 6) {
          return false;
        }
        significant = fractionDigits - zeros;
        n = -zeros;
      }
    } else {
      if (point - i != 1 || in[i] == '0' || in[mantissaEnd] != 'e') {
        return false; // one digit before the point, not 0, and a small 'e'
      }
      int at = mantissaEnd + 1;
      boolean negative = in[at] == '-';
      if ((!negative && in[at] != '+') || in[at + 1] == '0' || end - at - 1 > 3) {
        return false; // the exponent has its sign and no leading zero
      }
      int exponent = 0;
      for (int j = at + 1; j < end; j++) {
        exponent = exponent * 10 + (in[j] - '0');
      }
      n = (negative ? -exponent : exponent) + 1;
      if (-6 < n && n <= 21) {
        return false; // written without an exponent
      }
      significant = 1 + fractionDigits;
    }
    if (significant > CanonicalNumbers.MAX_KEPT_DIGITS) {
      return false;
    }
    if (significant <= CanonicalNumbers.SAFE_DIGITS && -SAFE_POINT < n && n < SAFE_POINT) {
      return true;
    }
    long w = value(in, value(in, 0, i, point), point + 1, mantissaEnd);
    int p = n - significant; // w·10^p, w without leading zeros
    double magnitude = DecimalToDouble.nearest(w, p);
    return !Double.isNaN(magnitude)
        && !Double.isInfinite(magnitude)
        && ShortestDouble.isShortest(magnitude, w, p);
  }

  /** {@code w} followed by the digits {@code in[from, to)}, as one number (wrapping past 2^64). */
  private static long value(byte[] in, long w, int from, int to) {
    int at = from;
    for (; at + 8 <= to; at += 8) {
      w = w * 100_000_000L + EightDigits.value(EightDigits.word(in, at));
    }
    for (; at < to; at++) {
      w = w * 10 + (in[at] - '0');
    }
    return w;
  }
}

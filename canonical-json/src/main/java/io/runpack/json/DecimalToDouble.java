package io.runpack.json;

import java.nio.charset.StandardCharsets;

/**
 * The double nearest to a JSON number lexeme (IEEE-754 round half to even, as FORMAT §1 "Numbers"
 * converts every number that is not a 64-bit integer literal). A significand of up to 19 digits w
 * and a decimal exponent p give w·10^p; then:
 *
 * <ul>
 *   <li>w &lt; 2^53 and |p| ≤ 22: one correctly rounded multiplication or division of two exact
 *       doubles (Clinger, "How to read floating point numbers accurately", 1990);
 *   <li>otherwise, in the normal range: w times {@link PowersOfTen}'s 128-bit truncation of 10^p,
 *       as in Lemire's "Number parsing at a gigabyte per second" (2021). The truncation makes the
 *       product at most w too small; when that uncertainty straddles a rounding boundary, or the
 *       result would be subnormal or infinite, the JDK's exact parser decides instead;
 *   <li>anything else (more than 19 significant digits, extreme exponents): the JDK's parser.
 * </ul>
 */
final class DecimalToDouble {

  private static final double[] EXACT_POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final int MAX_DIGITS = 19;
  private static final long TWO_POW_53 = 1L << 53;

  private DecimalToDouble() {}

  /** The nearest double to the valid lexeme in[start, end); ±Infinity when it overflows. */
  static double parse(byte[] in, int start, int end) {
    int i = start;
    boolean negative = in[i] == '-';
    if (negative) {
      i++;
    }
    long w = 0;
    int digits = 0;
    int exponent = 0;
    boolean fraction = false;
    for (; i < end; i++) {
      byte b = in[i];
      if (b == '.') {
        fraction = true;
        continue;
      }
      if (b == 'e' || b == 'E') {
        break;
      }
      int digit = b - '0';
      if (digits < MAX_DIGITS) {
        if (w != 0 || digit != 0) {
          w = w * 10 + digit;
          digits++;
        }
        exponent -= fraction ? 1 : 0;
      } else if (digit != 0) {
        return jdk(in, start, end); // more than 19 significant digits
      } else {
        exponent += fraction ? 0 : 1;
      }
    }
    if (i < end) {
      exponent += exponentPart(in, i + 1, end);
    }
    double magnitude = w == 0 ? 0 : nearest(w, exponent);
    if (Double.isNaN(magnitude)) {
      return jdk(in, start, end);
    }
    return negative ? -magnitude : magnitude;
  }

  /** The signed exponent after 'e', clamped far beyond any double's range. */
  static int exponentPart(byte[] in, int i, int end) {
    boolean negative = in[i] == '-';
    if (in[i] == '+' || in[i] == '-') {
      i++;
    }
    int value = 0;
    for (; i < end; i++) {
      value = Math.min(value * 10 + (in[i] - '0'), 100_000);
    }
    return negative ? -value : value;
  }

  /**
   * The double nearest to w·10^p for w ≠ 0 read as unsigned (19 digits may exceed 2^63), or NaN
   * when this cannot be sure of it.
   */
  static double nearest(long w, int p) {
    if ((w >>> 53) == 0 && -22 <= p && p <= 22) {
      return p >= 0 ? w * EXACT_POW10[p] : w / EXACT_POW10[-p];
    }
    if (p < PowersOfTen.MIN_PARSE || p > PowersOfTen.MAX_PARSE) {
      return Double.NaN;
    }
    int shift = Long.numberOfLeadingZeros(w);
    long wn = w << shift; // in [2^63, 2^64)
    long tHigh = PowersOfTen.floorHigh(p);
    long tLow = PowersOfTen.floorLow(p);
    // P = wn·T in [2^190, 2^192), as three 64-bit words p2 p1 p0; w·10^p = P·2^(e − 127 − shift)
    long lowHigh = unsignedMultiplyHigh(wn, tLow);
    long p0 = wn * tLow;
    long middle = wn * tHigh;
    long p1 = middle + lowHigh;
    long p2 = unsignedMultiplyHigh(wn, tHigh) + (Long.compareUnsigned(p1, middle) < 0 ? 1 : 0);
    int top = (int) (p2 >>> 63); // 1 when bit 191 is set
    long mantissa = p2 >>> (10 + top); // 53 bits
    long roundBit = (p2 >>> (9 + top)) & 1;
    long restMask = (1L << (9 + top)) - 1;
    long restHigh = p2 & restMask; // the bits below the round bit: restHigh p1 p0
    if (PowersOfTen.floorIsExact(p)) {
      boolean tie = roundBit == 1 && restHigh == 0 && p1 == 0 && p0 == 0;
      mantissa += tie ? mantissa & 1 : roundBit;
    } else if (roundBit == 0 && restHigh == restMask && p1 == -1L) {
      return Double.NaN; // P is short by less than 2^64: it may reach the rounding boundary
    } else {
      mantissa += roundBit; // the exact product is not a tie: it lies strictly inside
    }
    int q = 138 + top + PowersOfTen.floorLog2Pow10(p) - 127 - shift;
    if (mantissa == TWO_POW_53) {
      mantissa >>= 1;
      q++;
    }
    int biased = q + 1075;
    if (biased < 1 || biased > 2046) {
      return Double.NaN; // subnormal or overflowing: the JDK's parser decides
    }
    return Double.longBitsToDouble(((long) biased << 52) | (mantissa & (TWO_POW_53 / 2 - 1)));
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** The JDK's correctly rounded reading of the lexeme in[start, end), for what the rest cannot. */
  static double jdk(byte[] in, int start, int end) {
    return Double.parseDouble(new String(in, start, end - start, StandardCharsets.US_ASCII));
  }
}

package io.runpack.json;

/**
 * The shortest decimal that reads back as a given double, the one ECMAScript's Number::toString
 * writes (ECMA-262 §6.1.6.1.20, adopted by RFC 8785 §3.2.2.3 and FORMAT §1 "Numbers"): the fewest
 * significant digits; among decimals that short, the closest to the double; of two as close, the
 * one with an even last digit. Computed with Schubfach (R. Giulietti, "The Schubfach way to render
 * doubles", 2020), written here from the paper, with 64-bit integer arithmetic only.
 *
 * <p>A double v = c·2^q reads back from every decimal in its rounding interval R_v, the reals that
 * round to it (both ends included when c is even: round half to even). With k = ⌊log10 |R_v|⌋, R_v
 * holds at least one multiple of 10^k and at most one of 10^(k+1). When it holds a multiple of
 * 10^(k+1), that one is the shortest; otherwise the answer is ⌊v/10^k⌋ or the next integer,
 * whichever lies in R_v, the closer one if both do. The four comparisons need v and the ends of R_v
 * scaled by 4·10^−k, as their floor with a last bit that is set when the value is not an integer
 * ("round to odd"): the floor comes from a 64 × 126-bit product with {@link PowersOfTen}'s ceiling
 * of 10^−k, which is exact because that product's error is smaller than the distance of any inexact
 * scaled value to the next integer ({@code ShortestDoubleProofTest} checks this for every
 * exponent); whether it is an integer comes from exact divisibility by 2 and 5.
 */
final class ShortestDouble {

  private static final long HIDDEN_BIT = 1L << 52;
  private static final int MIN_Q = -1074;

  /** 5^0 .. 5^25; a scaled value x·2^q·10^−k with x &lt; 2^57 is an integer only if 5^k | x. */
  private static final long[] POW5 = new long[26];

  static {
    POW5[0] = 1;
    for (int i = 1; i < POW5.length; i++) {
      POW5[i] = POW5[i - 1] * 5;
    }
  }

  private ShortestDouble() {}

  /**
   * Writes a finite double as ECMAScript does ({@code -0} as {@code 0}); the caller has refused NaN
   * and the infinities.
   */
  static void write(double value, ByteOutput out) {
    long bits = Double.doubleToRawLongBits(value);
    int biased = (int) (bits >>> 52) & 0x7ff;
    long fraction = bits & (HIDDEN_BIT - 1);
    if (biased == 0 && fraction == 0) {
      out.write('0');
      return;
    }
    if (bits < 0) {
      out.write('-');
    }
    long c = biased == 0 ? fraction : fraction | HIDDEN_BIT;
    int q = biased == 0 ? MIN_Q : biased - 1075;
    if (-52 <= q && q <= 0 && (c & ((1L << -q) - 1)) == 0) {
      NumberLayout.write(c >> -q, 0, out); // an integer below 2^53 is its own shortest form
      return;
    }
    boolean irregular = fraction == 0 && biased > 1; // R_v is narrower below v than above
    int k = irregular ? PowersOfTen.floorLog10ThreeQuartersPow2(q) : PowersOfTen.floorLog10Pow2(q);
    long digits = shortest(c, q, k, irregular);
    NumberLayout.write(digits, k, out);
  }

  /**
   * True when w·10^p (w without trailing zeros) is the decimal {@link #write} writes for the
   * finite, positive {@code value}: its shortest (false for an integer below 2^53, which {@link
   * #write} takes as it is, and which no lexeme with a fraction ending in a digit other than 0
   * denotes).
   */
  static boolean isShortest(double value, long w, int p) {
    long bits = Double.doubleToRawLongBits(value);
    int biased = (int) (bits >>> 52) & 0x7ff;
    long fraction = bits & (HIDDEN_BIT - 1);
    long c = biased == 0 ? fraction : fraction | HIDDEN_BIT;
    int q = biased == 0 ? MIN_Q : biased - 1075;
    if (c == 0 || (-52 <= q && q <= 0 && (c & ((1L << -q) - 1)) == 0)) {
      return false;
    }
    boolean irregular = fraction == 0 && biased > 1;
    int k = irregular ? PowersOfTen.floorLog10ThreeQuartersPow2(q) : PowersOfTen.floorLog10Pow2(q);
    long d = shortest(c, q, k, irregular);
    while (d % 10 == 0) {
      d /= 10;
      k++;
    }
    return d == w && k == p;
  }

  /**
   * The significand d of the answer d·10^k (trailing zeros included), for v = c·2^q and
   * ECMAScript's choice among the candidates.
   */
  static long shortest(long c, int q, int k, boolean irregular) {
    long cb = c << 2; // v, and below the ends of R_v, in units of 2^(q−2)
    long cbl = irregular ? cb - 1 : cb - 2;
    long cbr = cb + 2;
    int shift = q + PowersOfTen.floorLog2Pow10(-k) + 3;
    long gHigh = PowersOfTen.ceilHigh(-k);
    long gLow = PowersOfTen.ceilLow(-k);
    long vb = scaledFloor(cb << shift, gHigh, gLow);
    long vbl = scaledFloor(cbl << shift, gHigh, gLow);
    long vbr = scaledFloor(cbr << shift, gHigh, gLow);
    // Round to odd: set the last bit of each floor whose scaled value is not an integer.
    if (k > 0) { // x·2^(q−k)·5^−k with q ≥ k: an integer iff 5^k divides x
      long pow5 = k < POW5.length ? POW5[k] : 0; // 0: no x < 2^57 is a multiple of 5^k
      long remainder = pow5 == 0 ? -1 : cb % pow5; // cbl and cbr: cb − 2 (or 1) and cb + 2
      vb |= remainder == 0 ? 0 : 1;
      vbl |= remainder == cb - cbl ? 0 : 1;
      vbr |= remainder == pow5 - 2 ? 0 : 1;
    } else { // x·5^−k·2^(q−k): an integer iff 2^(k−q) divides x
      int needed = k - q;
      vb |= divisibleByPow2(cb, needed) ? 0 : 1;
      vbl |= divisibleByPow2(cbl, needed) ? 0 : 1;
      vbr |= divisibleByPow2(cbr, needed) ? 0 : 1;
    }
    long open = c & 1; // an odd c: the ends of R_v read back as the neighbours, not as v
    long s = vb >> 2; // ⌊v·10^−k⌋
    long sp10 = s / 10 * 10; // the multiples of 10^(k+1) around v
    long tp10 = sp10 + 10;
    boolean lowerIn = vbl + open <= sp10 << 2;
    boolean upperIn = (tp10 << 2) + open <= vbr;
    if (lowerIn != upperIn) {
      return lowerIn ? sp10 : tp10;
    }
    long t = s + 1;
    lowerIn = vbl + open <= s << 2;
    upperIn = (t << 2) + open <= vbr;
    if (lowerIn != upperIn) {
      return lowerIn ? s : t;
    }
    long fromMidpoint = vb - ((s + t) << 1); // 4v·10^−k against 4(s + 1/2)
    return fromMidpoint < 0 || (fromMidpoint == 0 && (s & 1) == 0) ? s : t;
  }

  private static boolean divisibleByPow2(long x, int exponent) {
    return exponent <= 0 || (exponent < 64 && Long.numberOfTrailingZeros(x) >= exponent);
  }

  /** ⌊cp · g / 2^128⌋ for cp &lt; 2^63 and g = gHigh·2^64 + gLow (gLow unsigned). */
  static long scaledFloor(long cp, long gHigh, long gLow) {
    long lowCarry = unsignedMultiplyHigh(cp, gLow);
    long middle = cp * gHigh;
    long sum = middle + lowCarry;
    long carry = Long.compareUnsigned(sum, middle) < 0 ? 1 : 0;
    return Math.multiplyHigh(cp, gHigh) + carry;
  }

  /** The high half of the unsigned 128-bit product of {@code a} ≥ 0 and unsigned {@code b}. */
  static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((b >> 63) & a);
  }
}

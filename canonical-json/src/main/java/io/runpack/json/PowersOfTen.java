package io.runpack.json;

/**
 * 128-bit approximations of powers of ten, the one table both number algorithms of FORMAT §1
 * "Numbers" need (reading a decimal as the nearest double, writing a double as ECMA-262's
 * Number::toString does), and the integer logarithms that index it.
 *
 * <ul>
 *   <li>{@link #ceilHigh}/{@link #ceilLow}: g(j) = ⌈10^j · 2^(125 − ⌊log2 10^j⌋)⌉, so 2^125 ≤ g
 *       &lt; 2^126, for j in [{@link #MIN_SHORTEST}, {@link #MAX_SHORTEST}]: the multiplier of
 *       Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2020: a 126-bit upper
 *       approximation of 10^−k), used by {@link ShortestDouble};
 *   <li>{@link #floorHigh}/{@link #floorLow}: T(j) = ⌊10^j · 2^(127 − ⌊log2 10^j⌋)⌋, so 2^127 ≤ T
 *       &lt; 2^128, for j in [{@link #MIN_PARSE}, {@link #MAX_PARSE}]: the truncated power of D.
 *       Lemire, "Number parsing at a gigabyte per second" (2021), used by {@link DecimalToDouble}.
 * </ul>
 *
 * 10^j and 5^j differ by a power of two, so both tables hold the leading bits of 5^j, computed
 * exactly once, when the class is first used, with 32-bit limbs: 5^j by repeated multiplication,
 * ⌊2^896 / 5^j⌋ by repeated exact division. The tests check every entry and every logarithm against
 * exact arithmetic.
 */
final class PowersOfTen {

  /** Smallest and largest j = −k that Schubfach needs for doubles (k in [−324, 292]). */
  static final int MIN_SHORTEST = -292;

  static final int MAX_SHORTEST = 324;

  /** Decimal exponents of a significand below 10^19 whose value can be a normal double. */
  static final int MIN_PARSE = -327;

  static final int MAX_PARSE = 308;

  private static final long[] CEIL = new long[2 * (MAX_SHORTEST - MIN_SHORTEST + 1)];
  private static final long[] FLOOR = new long[2 * (MAX_PARSE - MIN_PARSE + 1)];

  /** The largest j whose T(j) is exact: 5^j fits 128 bits. */
  private static int lastExactFloor;

  /** Bits of the numerator 2^RECIPROCAL_BITS: enough for 128 bits of 1/5^327 (≈ 2^−759.3). */
  private static final int RECIPROCAL_BITS = 896;

  static {
    Limbs power = new Limbs(new int[26], 1); // 5^0; 5^324 < 2^753
    power.limbs[0] = 1;
    for (int j = 0; j <= Math.max(MAX_SHORTEST, MAX_PARSE); j++, power.multiplyBy5()) {
      store(j, power);
      if (power.bitLength() <= 128) {
        lastExactFloor = j;
      }
    }
    Limbs reciprocal = new Limbs(new int[RECIPROCAL_BITS / 32 + 1], RECIPROCAL_BITS / 32 + 1);
    reciprocal.limbs[RECIPROCAL_BITS / 32] = 1; // 2^896
    for (int j = -1; j >= Math.min(MIN_SHORTEST, MIN_PARSE); j--) {
      reciprocal.divideBy5(); // ⌊2^896 / 5^−j⌋, never exact
      store(j, reciprocal);
    }
  }

  private PowersOfTen() {}

  /** ⌊q · log10 2⌋ for |q| ≤ 1,700 (as the tests check). */
  static int floorLog10Pow2(int q) {
    return (q * 315_653) >> 20;
  }

  /** ⌊log10(3/4 · 2^q)⌋ for |q| ≤ 1,300 (as the tests check). */
  static int floorLog10ThreeQuartersPow2(int q) {
    return (q * 315_653 - 131_008) >> 20;
  }

  /** ⌊j · log2 10⌋ for |j| ≤ 400 (as the tests check). */
  static int floorLog2Pow10(int j) {
    return (j * 1_741_647) >> 19;
  }

  static long ceilHigh(int j) {
    return CEIL[2 * (j - MIN_SHORTEST)];
  }

  static long ceilLow(int j) {
    return CEIL[2 * (j - MIN_SHORTEST) + 1];
  }

  static long floorHigh(int j) {
    return FLOOR[2 * (j - MIN_PARSE)];
  }

  static long floorLow(int j) {
    return FLOOR[2 * (j - MIN_PARSE) + 1];
  }

  /** True when T(j) equals 10^j · 2^(127 − ⌊log2 10^j⌋) exactly. */
  static boolean floorIsExact(int j) {
    return j >= 0 && j <= lastExactFloor;
  }

  /** Stores the leading bits of {@code value} (5^j, or a truncated 2^n/5^−j for j &lt; 0). */
  private static void store(int j, Limbs value) {
    boolean exact = j >= 0; // the reciprocals are truncations of non-integers
    if (MIN_SHORTEST <= j && j <= MAX_SHORTEST) {
      int at = 2 * (j - MIN_SHORTEST);
      boolean cut = value.leading(126, CEIL, at) || !exact;
      if (cut && ++CEIL[at + 1] == 0) { // round up; g never reaches 2^126
        CEIL[at]++;
      }
    }
    if (MIN_PARSE <= j && j <= MAX_PARSE) {
      value.leading(128, FLOOR, 2 * (j - MIN_PARSE));
    }
  }

  /** A non-negative integer as little-endian 32-bit limbs (unsigned), with exact ×5 and ÷5. */
  private static final class Limbs {
    final int[] limbs;
    int length;

    Limbs(int[] limbs, int length) {
      this.limbs = limbs;
      this.length = length;
    }

    void multiplyBy5() {
      long carry = 0;
      for (int i = 0; i < length; i++) {
        long product = (limbs[i] & 0xffffffffL) * 5 + carry;
        limbs[i] = (int) product;
        carry = product >>> 32;
      }
      if (carry != 0) {
        limbs[length++] = (int) carry;
      }
    }

    void divideBy5() {
      long remainder = 0;
      for (int i = length - 1; i >= 0; i--) {
        long dividend = (remainder << 32) | (limbs[i] & 0xffffffffL);
        limbs[i] = (int) (dividend / 5);
        remainder = dividend % 5;
      }
      while (length > 1 && limbs[length - 1] == 0) {
        length--;
      }
    }

    int bitLength() {
      return 32 * (length - 1) + 32 - Integer.numberOfLeadingZeros(limbs[length - 1]);
    }

    /**
     * Writes the leading {@code bits} bits (≤ 128) into out[at] (high) and out[at + 1] (low):
     * ⌊value / 2^(bitLength − bits)⌋, or value shifted left when it is shorter; true when a set bit
     * was cut off.
     */
    boolean leading(int bits, long[] out, int at) {
      int shift = bitLength() - bits; // bits below the kept ones (negative: shift left)
      out[at] = window(shift + 64) & (-1L >>> (128 - bits));
      out[at + 1] = window(shift);
      if (shift <= 0) {
        return false;
      }
      for (int i = 0; i < shift >>> 5; i++) {
        if (limbs[i] != 0) {
          return true;
        }
      }
      return (limbs[shift >>> 5] & ((1 << (shift & 31)) - 1)) != 0;
    }

    /** The 64 bits of the value from bit {@code from} up (zeros below bit 0). */
    private long window(int from) {
      if (from < 0) {
        return from <= -64 ? 0 : window(0) << -from;
      }
      int index = from >>> 5;
      int offset = from & 31;
      long low = limb(index) | (limb(index + 1) << 32);
      return offset == 0 ? low : (low >>> offset) | (limb(index + 2) << (64 - offset));
    }

    private long limb(int index) {
      return index < length ? limbs[index] & 0xffffffffL : 0;
    }
  }
}

package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The facts {@link ShortestDouble} rests on, checked with exact integer arithmetic for every binary
 * exponent q of a double (Giulietti, "The Schubfach way to render doubles", 2020; the last fact is
 * the bound Adams checks in "Ryū: fast float-to-string conversion", 2018, with the minimum of a
 * linear congruence, computed here by {@link #minMax}):
 *
 * <ol>
 *   <li>k is ⌊log10⌋ of the rounding interval's width (2^q, or 3/4·2^q below a power of two);
 *   <li>the 64-bit shifted significand never overflows;
 *   <li>for every scaled value X = x·2^q·10^−k (x &lt; 2^55, the scaled significands and interval
 *       ends) that is not an integer, its distance to the next integer exceeds the error of the
 *       126-bit product, so the computed floor is exact.
 * </ol>
 */
class ShortestDoubleProofTest {

  private static final BigInteger MAX_X = BigInteger.ONE.shiftLeft(55);
  private static final BigInteger TWO_POW_128 = BigInteger.ONE.shiftLeft(128);

  @Test
  void everyExponentsFloorIsExact() {
    for (int q = -1074; q <= 971; q++) {
      check(q, false);
      if (q > -1074) {
        check(q, true);
      }
    }
  }

  private static void check(int q, boolean irregular) {
    int k = irregular ? PowersOfTen.floorLog10ThreeQuartersPow2(q) : PowersOfTen.floorLog10Pow2(q);
    // 1. 10^k ≤ width < 10^(k+1), width = 2^q or 3·2^(q−2)
    Fraction width =
        new Fraction(BigInteger.valueOf(irregular ? 3 : 4), BigInteger.ONE).times2(q - 2);
    assertTrue(Fraction.pow10(k).compareTo(width) <= 0, "k too large at q = " + q);
    assertTrue(Fraction.pow10(k + 1).compareTo(width) > 0, "k too small at q = " + q);
    // 2. the shift keeps x·2^h below 2^63
    int j = -k;
    int e = PowersOfTen.floorLog2Pow10(j);
    int h = q + e + 3;
    assertTrue(h >= 0 && 55 + h <= 62, "shift " + h + " at q = " + q);
    // 3. error of the product < distance of any inexact X to the next integer
    BigInteger g =
        BigInteger.valueOf(PowersOfTen.ceilHigh(j))
            .shiftLeft(64)
            .add(new BigInteger(Long.toUnsignedString(PowersOfTen.ceilLow(j))));
    Fraction beta = Fraction.pow10(j).times2(125 - e);
    // err(x) = x·2^h·(g − β)/2^128 < MAX_X·2^h·(g − β)/2^128
    Fraction error =
        new Fraction(g, BigInteger.ONE)
            .minus(beta)
            .timesInteger(MAX_X.shiftLeft(h))
            .divideInteger(TWO_POW_128);
    Fraction alpha = Fraction.pow10(-k).times2(q); // X = x·alpha
    BigInteger a = alpha.num;
    BigInteger b = alpha.den;
    if (b.equals(BigInteger.ONE)) {
      return; // every X is an integer
    }
    // distance of x·a/b to the next integer above: ((−a·x) mod b)/b, minimised over 1 ≤ x ≤ MAX_X
    BigInteger minimum;
    if (MAX_X.compareTo(b) >= 0) {
      minimum = BigInteger.ONE;
    } else {
      minimum = minMax(b.subtract(a.mod(b)).mod(b), b, MAX_X)[0];
    }
    Fraction distance = new Fraction(minimum, b);
    assertTrue(
        error.compareTo(distance) < 0,
        "q = " + q + (irregular ? " (irregular)" : "") + ": error " + error + " >= " + distance);
  }

  /**
   * Minimum and maximum of (A·x mod B) over 1 ≤ x ≤ M, for 0 &lt; A &lt; B coprime and M &lt; B.
   * The values below A are those right after a wrap, (−y·B) mod A for the y-th wrap; the values
   * above B − A those right before one, B − (y·B mod A): both are the same problem for (B mod A,
   * A), so the recursion follows Euclid's algorithm.
   */
  static BigInteger[] minMax(BigInteger a, BigInteger b, BigInteger m) {
    if (a.multiply(m).compareTo(b) < 0) {
      return new BigInteger[] {a, a.multiply(m)};
    }
    BigInteger r = b.mod(a);
    BigInteger wraps = m.multiply(a).divide(b);
    BigInteger[] inner = minMax(r, a, wraps);
    BigInteger min = a.min(a.subtract(inner[1]));
    BigInteger lastWrap = m.add(BigInteger.ONE).multiply(a).subtract(BigInteger.ONE).divide(b);
    BigInteger innerMin = inner[0];
    if (lastWrap.compareTo(wraps) > 0) {
      innerMin = innerMin.min(lastWrap.multiply(r).mod(a));
    }
    return new BigInteger[] {min, b.subtract(innerMin)};
  }

  @Test
  void minMaxAgreesWithEnumeration() {
    java.util.Random random = new java.util.Random(55);
    for (int i = 0; i < 2_000; i++) {
      int b = 2 + random.nextInt(500);
      int a = 1 + random.nextInt(b - 1);
      if (BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).intValue() != 1) {
        continue;
      }
      int m = 1 + random.nextInt(b - 1);
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int x = 1; x <= m; x++) {
        min = Math.min(min, a * x % b);
        max = Math.max(max, a * x % b);
      }
      BigInteger[] computed =
          minMax(BigInteger.valueOf(a), BigInteger.valueOf(b), BigInteger.valueOf(m));
      assertEquals(min, computed[0].intValue(), a + "x mod " + b + " up to " + m);
      assertEquals(max, computed[1].intValue(), a + "x mod " + b + " up to " + m);
    }
  }

  /** An exact non-negative rational in lowest terms. */
  private record Fraction(BigInteger num, BigInteger den) implements Comparable<Fraction> {
    Fraction {
      BigInteger gcd = num.gcd(den);
      if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
        num = num.divide(gcd);
        den = den.divide(gcd);
      }
    }

    static Fraction pow10(int exponent) {
      BigInteger power = BigInteger.TEN.pow(Math.abs(exponent));
      return exponent >= 0
          ? new Fraction(power, BigInteger.ONE)
          : new Fraction(BigInteger.ONE, power);
    }

    Fraction times2(int exponent) {
      return exponent >= 0
          ? new Fraction(num.shiftLeft(exponent), den)
          : new Fraction(num, den.shiftLeft(-exponent));
    }

    Fraction timesInteger(BigInteger factor) {
      return new Fraction(num.multiply(factor), den);
    }

    Fraction divideInteger(BigInteger divisor) {
      return new Fraction(num, den.multiply(divisor));
    }

    Fraction minus(Fraction other) {
      return new Fraction(
          num.multiply(other.den).subtract(other.num.multiply(den)), den.multiply(other.den));
    }

    @Override
    public int compareTo(Fraction other) {
      return num.multiply(other.den).compareTo(other.num.multiply(den));
    }

    @Override
    public String toString() {
      return String.format(
          "%.3e",
          new java.math.BigDecimal(num)
              .divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64));
    }
  }
}

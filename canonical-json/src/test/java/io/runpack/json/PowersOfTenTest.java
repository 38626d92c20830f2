package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** {@link PowersOfTen}: its logarithm formulas and both tables, against exact integers. */
class PowersOfTenTest {

  @Test
  void floorLog10Pow2IsExactOverItsRange() {
    for (int q = -1700; q <= 1700; q++) {
      int k = PowersOfTen.floorLog10Pow2(q);
      assertTrue(compare(pow10(k), pow2(q)) <= 0 && compare(pow2(q), pow10(k + 1)) < 0, "q=" + q);
    }
  }

  @Test
  void floorLog10ThreeQuartersPow2IsExactOverItsRange() {
    for (int q = -1300; q <= 1300; q++) {
      int k = PowersOfTen.floorLog10ThreeQuartersPow2(q);
      BigInteger[] threeQuarters = {
        pow2(q)[0].multiply(BigInteger.valueOf(3)), pow2(q)[1].shiftLeft(2)
      };
      assertTrue(
          compare(pow10(k), threeQuarters) <= 0 && compare(threeQuarters, pow10(k + 1)) < 0,
          "q=" + q);
    }
  }

  @Test
  void floorLog2Pow10IsExactOverItsRange() {
    for (int j = -400; j <= 400; j++) {
      int e = PowersOfTen.floorLog2Pow10(j);
      assertTrue(compare(pow2(e), pow10(j)) <= 0 && compare(pow10(j), pow2(e + 1)) < 0, "j=" + j);
    }
  }

  @Test
  void ceilingTableIsTheSmallestUpperBoundWith126Bits() {
    for (int j = PowersOfTen.MIN_SHORTEST; j <= PowersOfTen.MAX_SHORTEST; j++) {
      BigInteger g = join(PowersOfTen.ceilHigh(j), PowersOfTen.ceilLow(j));
      assertEquals(126, g.bitLength(), "j=" + j);
      BigInteger[] exact = scaled(j, 125);
      // g − 1 < 10^j·2^s ≤ g
      assertTrue(compare(exact, new BigInteger[] {g, BigInteger.ONE}) <= 0, "j=" + j);
      assertTrue(compare(new BigInteger[] {g.subtract(BigInteger.ONE), BigInteger.ONE}, exact) < 0);
    }
  }

  @Test
  void floorTableIsTheTruncationTo128Bits() {
    for (int j = PowersOfTen.MIN_PARSE; j <= PowersOfTen.MAX_PARSE; j++) {
      BigInteger t = join(PowersOfTen.floorHigh(j), PowersOfTen.floorLow(j));
      assertEquals(128, t.bitLength(), "j=" + j);
      BigInteger[] exact = scaled(j, 127);
      // t ≤ 10^j·2^s < t + 1, with equality exactly when floorIsExact
      int lower = compare(new BigInteger[] {t, BigInteger.ONE}, exact);
      assertTrue(lower <= 0, "j=" + j);
      assertTrue(compare(exact, new BigInteger[] {t.add(BigInteger.ONE), BigInteger.ONE}) < 0);
      assertEquals(lower == 0, PowersOfTen.floorIsExact(j), "j=" + j);
    }
  }

  /** 10^j·2^(bits − ⌊log2 10^j⌋) as a fraction. */
  private static BigInteger[] scaled(int j, int bits) {
    BigInteger[] power = pow10(j);
    BigInteger[] scale = pow2(bits - PowersOfTen.floorLog2Pow10(j));
    return new BigInteger[] {power[0].multiply(scale[0]), power[1].multiply(scale[1])};
  }

  private static BigInteger join(long high, long low) {
    return new BigInteger(Long.toUnsignedString(high))
        .shiftLeft(64)
        .add(new BigInteger(Long.toUnsignedString(low)));
  }

  private static BigInteger[] pow10(int exponent) {
    BigInteger power = BigInteger.TEN.pow(Math.abs(exponent));
    return exponent >= 0
        ? new BigInteger[] {power, BigInteger.ONE}
        : new BigInteger[] {BigInteger.ONE, power};
  }

  private static BigInteger[] pow2(int exponent) {
    BigInteger power = BigInteger.ONE.shiftLeft(Math.abs(exponent));
    return exponent >= 0
        ? new BigInteger[] {power, BigInteger.ONE}
        : new BigInteger[] {BigInteger.ONE, power};
  }

  private static int compare(BigInteger[] a, BigInteger[] b) {
    return a[0].multiply(b[1]).compareTo(b[0].multiply(a[1]));
  }
}

package io.runpack.json;

/**
 * Writes a decimal d·10^e as ECMAScript's Number::toString lays it out (ECMA-262 §6.1.6.1.20 steps
 * 6-10, FORMAT §1 "Numbers"): with k the number of digits of d (trailing zeros removed) and n = e +
 * k, plain digits for k ≤ n ≤ 21 ({@code 1e20} → {@code 100000000000000000000}), a decimal point
 * inside them for 0 &lt; n ≤ 21, {@code 0.} and −n zeros before them for −6 &lt; n ≤ 0, otherwise
 * exponent notation {@code d.ddde+N} / {@code d.ddde-N}. The digits are written straight into the
 * output buffer, two at a time.
 */
final class NumberLayout {

  /** 10^0 .. 10^18. */
  private static final long[] POW10 = new long[19];

  /** "00" .. "99". */
  private static final byte[] PAIRS = new byte[200];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private NumberLayout() {}

  /** Writes d·10^e for 0 &lt; d &lt; 10^18; trailing zeros of d are folded into e first. */
  static void write(long d, int e, ByteOutput out) {
    while (d % 100_000_000 == 0) {
      d /= 100_000_000;
      e += 8;
    }
    while (d % 10 == 0) {
      d /= 10;
      e++;
    }
    int k = digitCount(d);
    int n = e + k;
    if (k <= n && n <= 21) {
      int at = out.reserve(n);
      byte[] b = out.buffer();
      writeDigits(b, at, k, d);
      for (int i = at + k; i < at + n; i++) {
        b[i] = '0';
      }
    } else if (0 < n && n <= 21) {
      int at = out.reserve(k + 1);
      byte[] b = out.buffer();
      long scale = POW10[k - n];
      writeDigits(b, at, n, d / scale);
      b[at + n] = '.';
      writeDigits(b, at + n + 1, k - n, d % scale);
    } else if (-6 < n && n <= 0) {
      int at = out.reserve(2 - n + k);
      byte[] b = out.buffer();
      b[at] = '0';
      b[at + 1] = '.';
      for (int i = at + 2; i < at + 2 - n; i++) {
        b[i] = '0';
      }
      writeDigits(b, at + 2 - n, k, d);
    } else {
      int exponent = Math.abs(n - 1);
      int exponentDigits = exponent < 10 ? 1 : exponent < 100 ? 2 : 3;
      int at = out.reserve(k + (k > 1 ? 1 : 0) + 2 + exponentDigits);
      byte[] b = out.buffer();
      long scale = POW10[k - 1];
      b[at++] = (byte) ('0' + d / scale);
      if (k > 1) {
        b[at++] = '.';
        writeDigits(b, at, k - 1, d % scale);
        at += k - 1;
      }
      b[at++] = 'e';
      b[at++] = (byte) (n - 1 < 0 ? '-' : '+');
      writeDigits(b, at, exponentDigits, exponent);
    }
  }

  /** The number of decimal digits of {@code d} &gt; 0. */
  static int digitCount(long d) {
    int guess = ((64 - Long.numberOfLeadingZeros(d)) * 1233) >>> 12; // ≈ log10(2^bits)
    return guess < POW10.length && d >= POW10[guess] ? guess + 1 : guess;
  }

  /**
   * Writes the last {@code count} digits of {@code value} &lt; 10^count, zero-padded, into b[at, at
   * + count): eight at a time split off with one long division, then pairs in int arithmetic.
   */
  private static void writeDigits(byte[] b, int at, int count, long value) {
    int i = at + count;
    while (i - at > 8) {
      long high = value / 100_000_000;
      int eight = (int) (value - high * 100_000_000);
      value = high;
      i -= 8;
      for (int k = 6; k >= 0; k -= 2) {
        int rest = eight / 100;
        writePair(b, i + k, eight - rest * 100);
        eight = rest;
      }
    }
    int v = (int) value; // at most eight digits are left
    while (i - at >= 2) {
      int rest = v / 100;
      i -= 2;
      writePair(b, i, v - rest * 100);
      v = rest;
    }
    if (i > at) {
      b[i - 1] = (byte) ('0' + v);
    }
  }

  private static void writePair(byte[] b, int at, int pair) {
    b[at] = PAIRS[2 * pair];
    b[at + 1] = PAIRS[2 * pair + 1];
  }
}

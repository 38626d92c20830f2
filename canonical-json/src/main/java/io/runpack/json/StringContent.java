package io.runpack.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The content of JSON strings (RFC 8259 §7) as canonical text has it (FORMAT §1 "Strings"): plain
 * runs, bytes that need no escape and are ASCII, found eight at a time (the classic SWAR zero-byte
 * tests), and strict UTF-8 sequences (RFC 3629: no overlong forms, surrogates or values above
 * U+10FFFF), checked one at a time.
 */
final class StringContent {

  /** What {@link #sequenceLength} gives for a byte that cannot begin a sequence. */
  static final int BAD_LEAD = -1;

  /** What {@link #sequenceLength} gives for a sequence cut by the end of the text. */
  static final int TRUNCATED = -2;

  /** What {@link #sequenceLength} gives for an overlong form, a surrogate or a value too high. */
  static final int BAD_SEQUENCE = -3;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private StringContent() {}

  /**
   * Where the plain run from {@code in[from]} ends, before {@code end}: at the first byte that is
   * not ASCII, a control character, a quote or a backslash, or at {@code end}.
   */
  static int plainRun(byte[] in, int from, int end) {
    int p = from;
    while (p + 8 <= end) {
      long special = specialBytes((long) LONGS.get(in, p));
      if (special != 0) {
        return p + (Long.numberOfTrailingZeros(special) >>> 3); // the first one is exact
      }
      p += 8;
    }
    while (p < end && in[p] >= 0x20 && in[p] != '"' && in[p] != '\\') { // non-ASCII is negative
      p++;
    }
    return p;
  }

  /**
   * The length of the strict UTF-8 sequence at {@code in[at]} (a byte above 0x7F), or why there is
   * none: {@link #BAD_LEAD}, {@link #TRUNCATED} or {@link #BAD_SEQUENCE}.
   */
  static int sequenceLength(byte[] in, int at, int end) {
    int lead = in[at] & 0xff;
    int length;
    int low = 0x80;
    int high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      low = lead == 0xe0 ? 0xa0 : 0x80;
      high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      low = lead == 0xf0 ? 0x90 : 0x80;
      high = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
      return BAD_LEAD;
    }
    if (at + length > end) {
      return TRUNCATED;
    }
    for (int k = 1; k < length; k++) {
      int c = in[at + k] & 0xff;
      if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xbf)) {
        return BAD_SEQUENCE;
      }
    }
    return length;
  }

  /**
   * The length of the escape at {@code in[at]} (a backslash) when it is written as canonical text
   * writes it (FORMAT §1 "Strings", RFC 8785 §3.2.2.2): a backslash and one of {@code " \ b f n r
   * t}, or, for another control character, a backslash, {@code u00} and two lowercase hex digits;
   * otherwise 0.
   */
  static int canonicalEscapeLength(byte[] in, int at, int end) {
    if (at + 1 >= end) {
      return 0;
    }
    switch (in[at + 1]) {
      case '"', '\\', 'b', 'f', 'n', 'r', 't':
        return 2;
      case 'u':
        if (at + 6 > end || in[at + 2] != '0' || in[at + 3] != '0') {
          return 0;
        }
        int high = in[at + 4] - '0';
        int low = Character.digit(in[at + 5], 16);
        boolean lowercase = in[at + 5] < 'A' || in[at + 5] > 'F';
        int unit = (high << 4) | low;
        boolean shortForm = unit == 8 || unit == 9 || unit == 10 || unit == 12 || unit == 13;
        return (high == 0 || high == 1) && low >= 0 && lowercase && !shortForm ? 6 : 0;
      default:
        return 0;
    }
  }

  /**
   * The high bit of each of eight bytes (little-endian) that ends a plain run: non-ASCII, a control
   * character, a quote or a backslash. A borrow can only mark bytes after a marked one, so the
   * lowest mark is always exact.
   */
  private static long specialBytes(long eight) {
    long controls = (eight - 0x20 * ONES) & ~eight;
    long quotes = zeroBytes(eight ^ ('"' * ONES));
    long backslashes = zeroBytes(eight ^ ('\\' * ONES));
    return (eight | controls | quotes | backslashes) & HIGHS;
  }

  /**
   * The high bit of each zero byte of {@code v} (the classic SWAR test): the lowest is exact, those
   * above it may be borrows.
   */
  static long zeroBytes(long v) {
    return (v - ONES) & ~v & HIGHS;
  }
}

package io.runpack.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight ASCII digits of a number lexeme (RFC 8259 §6 {@code DIGIT}) read as one 64-bit word: the
 * test that all eight are digits and their value, each in a few word operations instead of eight
 * steps (the SWAR technique of Lemire's "Number parsing at a gigabyte per second", 2021).
 */
final class EightDigits {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
  private static final long ZEROS = 0x3030303030303030L;
  private static final long SIXES = 0x0606060606060606L;

  private EightDigits() {}

  /**
   * The eight bytes at {@code in[at]} as one word, the first byte lowest; needs at + 8 ≤ length.
   */
  static long word(byte[] in, int at) {
    return (long) LONGS.get(in, at);
  }

  /** True when every byte of {@code word} is '0' to '9' (0x30-0x39: +6 keeps the high nibble). */
  static boolean all(long word) {
    return (word & HIGH_NIBBLES) == ZEROS && ((word + SIXES) & HIGH_NIBBLES) == ZEROS;
  }

  /** The value of eight digits (the first byte is the most significant digit), 0 to 99,999,999. */
  static int value(long word) {
    long v = word - ZEROS; // one digit per byte, the first lowest
    v = v * 10 + (v >>> 8); // pairs: each even byte holds ten times a digit plus the next one
    v =
        (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))))
            >>> 32;
    return (int) v;
  }
}

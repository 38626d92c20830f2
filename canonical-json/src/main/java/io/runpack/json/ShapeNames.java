package io.runpack.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The member names of {@link KnownShapes}, each byte for byte as the text wrote it, quotes and
 * colon included (a name written without a backslash is its canonical text, FORMAT §1 "Strings"):
 * compared with the text at a member's place eight bytes at a time, and a first name hashed by its
 * first bytes to find its shape.
 */
final class ShapeNames {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long QUOTES = '"' * 0x0101010101010101L;

  /** Per name: its bytes, zero-padded to {@link KnownShapes#MAX_NAME_BYTES}. */
  private final byte[] names;

  private final byte[] lengths;

  ShapeNames(int count) {
    names = new byte[count * KnownShapes.MAX_NAME_BYTES];
    lengths = new byte[count];
  }

  /** Bytes of name {@code name}, quotes and colon included. */
  int length(int name) {
    return lengths[name];
  }

  /** Makes name {@code name} the {@code length} bytes of {@code text} from {@code from}. */
  void set(int name, byte[] text, int from, int length) {
    int at = name * KnownShapes.MAX_NAME_BYTES;
    Arrays.fill(names, at, at + KnownShapes.MAX_NAME_BYTES, (byte) 0);
    System.arraycopy(text, from, names, at, length);
    lengths[name] = (byte) length;
  }

  /**
   * True when the names of the members {@code first} to {@code first + n} are each written in
   * {@code text} without a backslash (so as they are canonically) and followed there by their
   * colon, each at most {@link KnownShapes#MAX_NAME_BYTES} bytes long with it, and the first has
   * eight bytes of text from its opening quote on (to be hashed).
   */
  static boolean asWritten(ObjectMembers members, int first, int n, byte[] text) {
    for (int i = 0; i < n; i++) {
      int member = first + i;
      int length = members.keyEnd(member) - members.keyStart(member);
      int source = members.keyOffset(member);
      if (length + 1 > KnownShapes.MAX_NAME_BYTES
          || source + length >= text.length
          || text[source + length] != ':') {
        return false;
      }
      for (int k = source; k < source + length; k++) {
        if (text[k] == '\\') {
          return false;
        }
      }
    }
    return members.keyOffset(first) + 8 <= text.length;
  }

  /** True when the {@code n} names from {@code a} on are those from {@code b} on, byte for byte. */
  boolean same(int a, int b, int n) {
    int bytes = KnownShapes.MAX_NAME_BYTES; // zero-padded: equal when their bytes and lengths are
    return Arrays.equals(lengths, a, a + n, lengths, b, b + n)
        && Arrays.equals(names, a * bytes, (a + n) * bytes, names, b * bytes, (b + n) * bytes);
  }

  /** True when {@code text[at, ...)} begins with name {@code name}, byte for byte. */
  boolean matches(int name, byte[] text, int at) {
    int length = lengths[name];
    int from = name * KnownShapes.MAX_NAME_BYTES;
    if (at + ((length + 7) & ~7) > text.length) { // near the end of the text: a byte at a time
      return at + length <= text.length
          && Arrays.equals(text, at, at + length, names, from, from + length);
    }
    int k = 0;
    for (; k + 8 <= length; k += 8) {
      if ((long) LONGS.get(text, at + k) != (long) LONGS.get(names, from + k)) {
        return false;
      }
    }
    if (k < length) {
      long tail = (long) LONGS.get(text, at + k) ^ (long) LONGS.get(names, from + k);
      return (tail & ((1L << (8 * (length - k))) - 1)) == 0;
    }
    return true;
  }

  /** The {@link #hash} of name {@code name}, as it is of the text where it was written. */
  int hash(int name, int bits) {
    return hash(names, name * KnownShapes.MAX_NAME_BYTES, bits); // its bytes, zero-padded
  }

  /**
   * A hash of {@code bits} bits of a name written at {@code text[at]} (eight bytes there at least):
   * of its first eight bytes, opening quote included, up to its closing quote when that comes
   * sooner (the bytes after it are the value's, which vary).
   */
  static int hash(byte[] text, int at, int bits) {
    long word = (long) LONGS.get(text, at);
    long matches = StringContent.zeroBytes((word ^ QUOTES) | 0xff); // not the opening quote
    if (matches != 0) {
      word &= -1L >>> (63 - Long.numberOfTrailingZeros(matches)); // up to that quote
    }
    return (int) ((word * 0x9E3779B97F4A7C15L) >>> (64 - bits));
  }
}

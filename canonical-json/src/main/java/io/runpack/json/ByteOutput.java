package io.runpack.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte buffer that refuses to grow past its limit: the named byte limit every call of
 * the canonical writer and canonicalizer is given ({@link JsonError#SIZE_LIMIT}), enforced as bytes
 * are written, so no output over it is ever held. Not thread-safe.
 */
final class ByteOutput {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final int limit;
  private byte[] bytes;

  /** min(bytes.length, limit): one comparison tells whether a write fits. */
  private int capacity;

  private int size;

  ByteOutput(int limit) {
    this(limit, Math.min(256, limit));
  }

  ByteOutput(int limit, int initialCapacity) {
    this(limit, new byte[Math.max(1, initialCapacity)]);
  }

  /** Writes into {@code buffer} (whatever it holds) until it must grow. */
  ByteOutput(int limit, byte[] buffer) {
    this.limit = limit;
    this.bytes = buffer;
    this.capacity = Math.min(bytes.length, limit);
  }

  void write(int b) {
    if (size == capacity) {
      grow(1);
    }
    bytes[size++] = (byte) b;
  }

  void write(byte[] b) {
    write(b, 0, b.length);
  }

  void write(byte[] b, int offset, int length) {
    if (length > capacity - size) {
      grow(length);
    }
    copy(b, offset, bytes, size, length);
    size += length;
  }

  void writeAscii(String s) {
    int n = s.length();
    if (n > capacity - size) {
      grow(n);
    }
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  /**
   * Makes room for {@code n} bytes and counts them as written: the caller fills {@code buffer()[at,
   * at + n)}, where {@code at} is the returned offset.
   */
  int reserve(int n) {
    if (n > capacity - size) {
      grow(n);
    }
    int at = size;
    size += n;
    return at;
  }

  int size() {
    return size;
  }

  /** Forgets the output after its first {@code newSize} bytes. */
  void truncate(int newSize) {
    size = newSize;
  }

  /** The live buffer; bytes from 0 to {@link #size()} are the output so far. */
  byte[] buffer() {
    return bytes;
  }

  /** A copy of the output, for a buffer that will be reused. */
  byte[] copy() {
    return Arrays.copyOf(bytes, size);
  }

  /** The output, without a copy when the buffer is exactly full. */
  byte[] toByteArray() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  /**
   * Copies {@code length} bytes from {@code from[at]} to {@code to[into]} (spans that do not
   * overlap, in one array or two: the output's own bytes are appended after themselves): most
   * members are a few words long, copied as overlapping words instead of by a call to the copy
   * routine, whose fixed cost is many times theirs.
   */
  static void copy(byte[] from, int at, byte[] to, int into, int length) {
    if (length >= 8 && length <= 16) {
      LONGS.set(to, into, (long) LONGS.get(from, at));
      LONGS.set(to, into + length - 8, (long) LONGS.get(from, at + length - 8));
    } else if (length >= 4 && length < 8) {
      INTS.set(to, into, (int) INTS.get(from, at));
      INTS.set(to, into + length - 4, (int) INTS.get(from, at + length - 4));
    } else {
      System.arraycopy(from, at, to, into, length);
    }
  }

  private void grow(int more) {
    long needed = (long) size + more;
    if (needed > limit) {
      throw JsonException.sizeLimit(limit);
    }
    if (needed > bytes.length) {
      long grown = Math.max(needed, Math.min((long) bytes.length * 2, limit));
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
    capacity = Math.min(bytes.length, limit);
  }
}

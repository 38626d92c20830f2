package io.runpack.domain.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.util.Arrays;

/** A growable byte buffer that refuses to grow past its limit. Not thread-safe. */
final class ByteOutput {

  private final int limit;
  private byte[] bytes;
  private int size;

  ByteOutput(int limit) {
    this(limit, Math.min(256, limit));
  }

  ByteOutput(int limit, int initialCapacity) {
    this.limit = limit;
    this.bytes = new byte[Math.max(1, initialCapacity)];
  }

  void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void write(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  void write(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, bytes, size, length);
    size += length;
  }

  void writeAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  int size() {
    return size;
  }

  /** The live buffer; bytes from 0 to {@link #size()} are the output so far. */
  byte[] buffer() {
    return bytes;
  }

  /** The output, without a copy when the buffer is exactly full. */
  byte[] toByteArray() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    long needed = (long) size + more;
    if (needed > limit) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED, "canonical JSON exceeds the limit of " + limit + " bytes");
    }
    if (needed > bytes.length) {
      long grown = Math.max(needed, Math.min((long) bytes.length * 2, limit));
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
  }
}

package io.runpack.domain.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.util.Arrays;

/** A growable byte buffer that refuses to grow past its limit. Not thread-safe. */
final class ByteOutput {

  private final int limit;
  private byte[] bytes = new byte[256];
  private int size;

  ByteOutput(int limit) {
    this.limit = limit;
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

  void writeAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
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

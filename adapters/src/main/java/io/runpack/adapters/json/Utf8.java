package io.runpack.adapters.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;

/**
 * Strict UTF-8 (RFC 3629) for JSON text (RFC 8259 §8.1): no overlong forms (C0 AF would be a '/'
 * that slipped past path checks), no encoded surrogates, nothing above U+10FFFF, no cut sequences,
 * and no NUL byte — which valid JSON never contains, and whose presence would let a parser guess
 * UTF-16 or UTF-32 instead.
 */
final class Utf8 {

  private Utf8() {}

  /** Fails with {@link ErrorCode#INVALID_JSON} naming the first offending byte offset. */
  static void check(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        if (b == 0) {
          throw fail("NUL byte", i);
        }
        i++;
        continue;
      }
      int length;
      int min;
      if (b >= 0xc2 && b <= 0xdf) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        length = 3;
        min = 0x800;
      } else if (b >= 0xf0 && b <= 0xf4) {
        length = 4;
        min = 0x10000;
      } else {
        throw fail("invalid UTF-8 lead byte 0x" + Integer.toHexString(b), i);
      }
      if (i + length > n) {
        throw fail("truncated UTF-8 sequence", i);
      }
      int cp = b & (0xff >> (length + 1));
      for (int k = 1; k < length; k++) {
        int c = bytes[i + k] & 0xff;
        if ((c & 0xc0) != 0x80) {
          throw fail("invalid UTF-8 continuation byte", i + k);
        }
        cp = (cp << 6) | (c & 0x3f);
      }
      if (cp < min) {
        throw fail("overlong UTF-8 encoding", i);
      }
      if (cp >= 0xd800 && cp <= 0xdfff) {
        throw fail("UTF-8 encoded surrogate", i);
      }
      if (cp > 0x10ffff) {
        throw fail("UTF-8 code point above U+10FFFF", i);
      }
      i += length;
    }
  }

  private static RunpackException fail(String what, int offset) {
    return new RunpackException(
        ErrorCode.INVALID_JSON, what + " at byte offset " + offset + " (JSON text must be UTF-8)");
  }
}

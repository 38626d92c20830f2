package io.runpack.domain.port.out;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Sha256;

/**
 * Reads files of one runpack by runpack-relative path, for verification. The path comes from a
 * manifest and is untrusted.
 *
 * <p>Contract: never reads more than {@code maxBytes + 1} bytes of a file, and fails with a {@link
 * RunpackException} whose message is a short reason (it ends up in a verification report) when the
 * path is unsafe ({@link ErrorCode#INVALID_REQUEST}), the file is missing ({@link
 * ErrorCode#FILE_NOT_FOUND}), unreadable ({@link ErrorCode#STORAGE_ERROR}) or larger than {@code
 * maxBytes} ({@link ErrorCode#LIMIT_EXCEEDED}). Never resolves outside the runpack root.
 */
public interface RunpackReader {

  byte[] read(String path, int maxBytes);

  /**
   * The SHA-256 of the file's bytes, with the same contract as {@link #read}. Storage that keeps a
   * trustworthy digest of what it stores (S3's SHA-256 checksums) may answer without reading the
   * bytes; the default reads and hashes them.
   */
  default HashDigest sha256(String path, int maxBytes) {
    return Sha256.of(read(path, maxBytes));
  }
}

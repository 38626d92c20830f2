package io.runpack.domain.port.out;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;

/**
 * Reads files of one runpack by runpack-relative path, for verification. The path comes from a
 * manifest and is untrusted.
 *
 * <p>Contract: never reads more than {@code maxBytes + 1} bytes of a file, and fails with a
 * {@link RunpackException} whose message is a short reason (it ends up in a verification report)
 * when the path is unsafe ({@link ErrorCode#INVALID_REQUEST}), the file is missing or unreadable
 * ({@link ErrorCode#STORAGE_ERROR}) or larger than {@code maxBytes}
 * ({@link ErrorCode#LIMIT_EXCEEDED}). Never resolves outside the runpack root.
 */
public interface RunpackReader {

  byte[] read(String path, int maxBytes);
}

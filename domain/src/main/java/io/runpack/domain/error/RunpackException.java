package io.runpack.domain.error;

import java.util.Objects;

/**
 * The one failure type of Runpack: a stable {@link ErrorCode} and a precise, caller-safe message
 * (never a stack trace, never a secret). Entry points map it to their wire form.
 */
public final class RunpackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public RunpackException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public RunpackException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  /** The same failure with context in front of the message, e.g. the file it came from. */
  public RunpackException withContext(String context) {
    return new RunpackException(code, context + ": " + getMessage(), this);
  }
}

package io.runpack.domain.error;

import java.util.Objects;

/**
 * The one failure type of Runpack: a stable {@link ErrorCode} and a precise, caller-safe message
 * (never a stack trace, never a secret). Entry points map it to their wire form.
 *
 * <p>Invariant: the message is well-formed Unicode (a lone surrogate quoted from hostile input
 * becomes U+FFFD), so it can always be written as canonical JSON.
 */
public final class RunpackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public RunpackException(ErrorCode code, String message) {
    super(wellFormed(message));
    this.code = Objects.requireNonNull(code, "code");
  }

  public RunpackException(ErrorCode code, String message, Throwable cause) {
    super(wellFormed(message), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  private static String wellFormed(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < message.length()
              && Character.isLowSurrogate(message.charAt(i + 1));
      if (pair) {
        if (out != null) {
          out.append(c).append(message.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(message.substring(0, i));
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? message : out.toString();
  }

  /**
   * This failure as one of stored run data, with context in front: JSON that cannot be read or
   * written canonically is {@link ErrorCode#INVALID_RUN_DATA} there; other codes stay as they are.
   */
  public RunpackException asRunData(String context) {
    ErrorCode runDataCode = code == ErrorCode.INVALID_JSON ? ErrorCode.INVALID_RUN_DATA : code;
    return new RunpackException(runDataCode, context + ": " + getMessage(), this);
  }

  /** The same failure with context in front of the message, e.g. the file it came from. */
  public RunpackException withContext(String context) {
    return new RunpackException(code, context + ": " + getMessage(), this);
  }
}

/**
 * A Lambda error type of the Runpack function. Lambda reports a failed invocation's errorType as
 * the exception's class name, and Step Functions Retry/Catch match it exactly: this class is in the
 * unnamed package so that errorType is exactly "SpecHashMismatch".
 */
public final class SpecHashMismatch extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecHashMismatch(String message) {
    super(message, null, false, false); // no stack trace: the message says it all
  }
}

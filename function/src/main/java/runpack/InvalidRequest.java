package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#INVALID_REQUEST}. */
public final class InvalidRequest extends LambdaError {
  private static final long serialVersionUID = 1L;

  InvalidRequest(String message) {
    super(message);
  }
}

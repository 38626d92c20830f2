package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#INVALID_JSON}. */
public final class InvalidJson extends LambdaError {
  private static final long serialVersionUID = 1L;

  InvalidJson(String message) {
    super(message);
  }
}

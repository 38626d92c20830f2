package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#FORBIDDEN}. */
public final class Forbidden extends LambdaError {
  private static final long serialVersionUID = 1L;

  Forbidden(String message) {
    super(message);
  }
}

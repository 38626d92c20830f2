package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#CONFLICT}. */
public final class Conflict extends LambdaError {
  private static final long serialVersionUID = 1L;

  Conflict(String message) {
    super(message);
  }
}

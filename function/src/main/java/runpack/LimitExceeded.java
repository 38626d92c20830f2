package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#LIMIT_EXCEEDED}. */
public final class LimitExceeded extends LambdaError {
  private static final long serialVersionUID = 1L;

  LimitExceeded(String message) {
    super(message);
  }
}

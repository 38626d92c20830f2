package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#INVALID_RUN_DATA}. */
public final class InvalidRunData extends LambdaError {
  private static final long serialVersionUID = 1L;

  InvalidRunData(String message) {
    super(message);
  }
}

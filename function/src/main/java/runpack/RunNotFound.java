package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#RUN_NOT_FOUND}. */
public final class RunNotFound extends LambdaError {
  private static final long serialVersionUID = 1L;

  RunNotFound(String message) {
    super(message);
  }
}

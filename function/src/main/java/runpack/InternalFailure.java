package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#INTERNAL_ERROR}. */
public final class InternalFailure extends LambdaError {
  private static final long serialVersionUID = 1L;

  InternalFailure(String message) {
    super(message);
  }
}

package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#SPEC_HASH_MISMATCH}. */
public final class SpecHashMismatch extends LambdaError {
  private static final long serialVersionUID = 1L;

  SpecHashMismatch(String message) {
    super(message);
  }
}

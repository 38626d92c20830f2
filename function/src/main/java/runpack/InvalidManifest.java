package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#INVALID_MANIFEST}. */
public final class InvalidManifest extends LambdaError {
  private static final long serialVersionUID = 1L;

  InvalidManifest(String message) {
    super(message);
  }
}

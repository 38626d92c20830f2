package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#STORAGE_ERROR}. */
public final class StorageError extends LambdaError {
  private static final long serialVersionUID = 1L;

  StorageError(String message) {
    super(message);
  }
}

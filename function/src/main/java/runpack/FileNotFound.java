package runpack;

/** The Lambda error of {@link io.runpack.domain.error.ErrorCode#FILE_NOT_FOUND}. */
public final class FileNotFound extends LambdaError {
  private static final long serialVersionUID = 1L;

  FileNotFound(String message) {
    super(message);
  }
}

package runpack;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.ErrorEnvelope;
import io.runpack.domain.error.RunpackException;

/**
 * A failed direct invocation of the Runpack function. Lambda reports the exception's class name as
 * the invocation's {@code errorType}, and Step Functions Retry/Catch clauses match it exactly, so
 * each {@link ErrorCode} has its class in this package, named as {@link
 * ErrorCode#lambdaErrorType()} says ({@code runpack.InvalidRequest}, {@code runpack.RunNotFound},
 * …); the errorMessage is {@code <code>: <message>}. No stack trace: the message says it all.
 */
public abstract sealed class LambdaError extends RuntimeException
    permits InvalidRequest,
        InvalidJson,
        RunNotFound,
        InvalidRunData,
        SpecHashMismatch,
        FileNotFound,
        InvalidManifest,
        LimitExceeded,
        Conflict,
        Forbidden,
        StorageError,
        InternalFailure {

  private static final long serialVersionUID = 1L;

  LambdaError(String message) {
    super(message, null, false, false);
  }

  /** The Lambda error of a failure: its code's class, its envelope's text. */
  public static LambdaError of(RunpackException failure) {
    String message = ErrorEnvelope.text(failure);
    return switch (failure.code()) {
      case INVALID_REQUEST -> new InvalidRequest(message);
      case INVALID_JSON -> new InvalidJson(message);
      case RUN_NOT_FOUND -> new RunNotFound(message);
      case INVALID_RUN_DATA -> new InvalidRunData(message);
      case SPEC_HASH_MISMATCH -> new SpecHashMismatch(message);
      case FILE_NOT_FOUND -> new FileNotFound(message);
      case INVALID_MANIFEST -> new InvalidManifest(message);
      case LIMIT_EXCEEDED -> new LimitExceeded(message);
      case CONFLICT -> new Conflict(message);
      case FORBIDDEN -> new Forbidden(message);
      case STORAGE_ERROR -> new StorageError(message);
      case INTERNAL_ERROR -> new InternalFailure(message);
    };
  }
}

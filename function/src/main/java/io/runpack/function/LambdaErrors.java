package io.runpack.function;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.util.Map;

/**
 * Maps Runpack's typed failures to what each kind of caller sees: a Lambda error type for direct
 * invocations (Step Functions can Retry/Catch on it) and an HTTP status for API Gateway.
 */
final class LambdaErrors {

  private static final Map<ErrorCode, String> ERROR_TYPES =
      Map.ofEntries(
          Map.entry(ErrorCode.INVALID_REQUEST, "InvalidRequest"),
          Map.entry(ErrorCode.INVALID_JSON, "InvalidRequest"),
          Map.entry(ErrorCode.RUN_NOT_FOUND, "RunNotFound"),
          Map.entry(ErrorCode.SPEC_HASH_MISMATCH, "SpecHashMismatch"),
          Map.entry(ErrorCode.CONFLICT, "Conflict"),
          Map.entry(ErrorCode.FORBIDDEN, "Forbidden"),
          Map.entry(ErrorCode.LIMIT_EXCEEDED, "LimitExceeded"),
          Map.entry(ErrorCode.STORAGE_ERROR, "StorageError"),
          Map.entry(ErrorCode.INVALID_RUN_DATA, "InvalidRunData"));

  private static final Map<ErrorCode, Integer> STATUSES =
      Map.ofEntries(
          Map.entry(ErrorCode.INVALID_REQUEST, 400),
          Map.entry(ErrorCode.INVALID_JSON, 400),
          Map.entry(ErrorCode.FORBIDDEN, 403),
          Map.entry(ErrorCode.RUN_NOT_FOUND, 404),
          Map.entry(ErrorCode.SPEC_HASH_MISMATCH, 409),
          Map.entry(ErrorCode.CONFLICT, 409),
          Map.entry(ErrorCode.LIMIT_EXCEEDED, 413),
          Map.entry(ErrorCode.STORAGE_ERROR, 503));

  private LambdaErrors() {}

  /** The Lambda error type (the exception class name) for a failure. */
  static String errorType(ErrorCode code) {
    return ERROR_TYPES.getOrDefault(code, "InternalError");
  }

  /** The HTTP status for a failure: 500 for anything that is the deployment's fault. */
  static int status(ErrorCode code) {
    return STATUSES.getOrDefault(code, 500);
  }

  /** The exception whose class name is the failure's error type, to throw from the handler. */
  static RuntimeException toLambdaError(RunpackException failure) {
    String type = errorType(failure.code());
    try {
      return (RuntimeException)
          Class.forName(type)
              .getConstructor(String.class)
              .newInstance(failure.code().wireName() + ": " + failure.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Lambda error type " + type + " is missing", e);
    }
  }
}

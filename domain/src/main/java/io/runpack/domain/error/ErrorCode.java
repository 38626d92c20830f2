package io.runpack.domain.error;

/**
 * The stable codes of every failure Runpack reports, each with the two names callers match on: the
 * wire name (the {@code code} of every error envelope: the CLI's stderr, API responses, audit
 * lines) and the Lambda error type (the {@code errorType} of a failed direct invocation, which Step
 * Functions Retry/Catch clauses name). Neither ever changes.
 */
public enum ErrorCode {
  /** The request is malformed or breaks a rule: fields, identifiers, paths, manifest name. */
  INVALID_REQUEST("invalid_request", "InvalidRequest"),
  /** Bytes that are not JSON, or JSON that cannot be written canonically (FORMAT §1). */
  INVALID_JSON("invalid_json", "InvalidJson"),
  /** No run (or no scenario spec) is stored under the requested key. */
  RUN_NOT_FOUND("run_not_found", "RunNotFound"),
  /** The stored run data is malformed or disagrees with itself or the request. */
  INVALID_RUN_DATA("invalid_run_data", "InvalidRunData"),
  /** The scenario spec's hash is not the one the run state recorded (FORMAT §2.1). */
  SPEC_HASH_MISMATCH("spec_hash_mismatch", "SpecHashMismatch"),
  /** A file or directory the caller named, or a file of a runpack, does not exist. */
  FILE_NOT_FOUND("file_not_found", "FileNotFound"),
  /** A runpack's manifest is missing, unreadable or malformed. */
  INVALID_MANIFEST("invalid_manifest", "InvalidManifest"),
  /** A named limit (bytes, depth, items) was exceeded. */
  LIMIT_EXCEEDED("limit_exceeded", "LimitExceeded"),
  /** The target already holds a different runpack (or other bytes under a write-once key). */
  CONFLICT("conflict", "Conflict"),
  /** The caller may not act on the requested tenant. */
  FORBIDDEN("forbidden", "Forbidden"),
  /** The store or the sink failed (I/O, network, service error). */
  STORAGE_ERROR("storage_error", "StorageError"),
  /** A defect in Runpack itself: a failure it does not expect. Never a caller's fault. */
  INTERNAL_ERROR("internal_error", "InternalFailure");

  /** The package of the Lambda error classes: error types read {@code runpack.InvalidRequest}. */
  public static final String LAMBDA_ERROR_PACKAGE = "runpack";

  private final String wireName;
  private final String lambdaErrorName;

  ErrorCode(String wireName, String lambdaErrorName) {
    this.wireName = wireName;
    this.lambdaErrorName = lambdaErrorName;
  }

  /** The code as callers see it, e.g. {@code spec_hash_mismatch}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The Lambda error type of a failed direct invocation, e.g. {@code runpack.SpecHashMismatch}: the
   * fully qualified name of the exception class the function throws for this code.
   */
  public String lambdaErrorType() {
    return LAMBDA_ERROR_PACKAGE + "." + lambdaErrorName;
  }
}

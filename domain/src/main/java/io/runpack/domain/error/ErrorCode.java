package io.runpack.domain.error;

/**
 * The stable codes of every failure Runpack reports. The wire names never change: callers (Step
 * Functions Catch clauses, scripts reading the CLI's stderr) match on them.
 */
public enum ErrorCode {
  /** The request is malformed or breaks a rule: fields, identifiers, paths, manifest name. */
  INVALID_REQUEST("invalid_request"),
  /** Bytes that are not JSON, or JSON that cannot be written canonically (FORMAT §1). */
  INVALID_JSON("invalid_json"),
  /** No run (or no scenario spec) is stored under the requested key. */
  RUN_NOT_FOUND("run_not_found"),
  /** The stored run data is malformed or disagrees with itself or the request. */
  INVALID_RUN_DATA("invalid_run_data"),
  /** The scenario spec's hash is not the one the run state recorded (FORMAT §2.1). */
  SPEC_HASH_MISMATCH("spec_hash_mismatch"),
  /** A file of a runpack does not exist (what readers report; verify reports it per file). */
  FILE_NOT_FOUND("file_not_found"),
  /** A runpack's manifest is missing, unreadable or malformed. */
  INVALID_MANIFEST("invalid_manifest"),
  /** A named limit (bytes, depth, items) was exceeded. */
  LIMIT_EXCEEDED("limit_exceeded"),
  /** Write-once storage already holds different bytes under the same key. */
  CONFLICT("conflict"),
  /** The caller may not act on the requested tenant. */
  FORBIDDEN("forbidden"),
  /** The store or the sink failed (I/O, network, service error). */
  STORAGE_ERROR("storage_error"),
  /** A defect in Runpack itself: a failure it does not expect. Never a caller's fault. */
  INTERNAL_ERROR("internal_error");

  private final String wireName;

  ErrorCode(String wireName) {
    this.wireName = wireName;
  }

  /** The code as callers see it, e.g. {@code spec_hash_mismatch}. */
  public String wireName() {
    return wireName;
  }
}

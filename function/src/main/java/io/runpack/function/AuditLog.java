package io.runpack.function;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The audit trail: exactly one record per invocation, success or failure, refusals before the
 * request is read included, on the {@code runpack.audit} logger (alone on its line). Every record
 * has the same members, in this order (null when unknown):
 *
 * <p>{@code event} ({@code "runpack_export"}), {@code request_id} (Lambda's), {@code outcome}
 * ({@code exported}/{@code failed}), {@code error_code}, {@code caller} ({@code direct}, {@code
 * rest_api}, {@code http_api}, {@code unknown_api}), {@code principal}, {@code claim_source},
 * {@code claimed_tenant_id}, {@code malformed_claim} (the claim's JSON text), {@code tenant_check}
 * (a {@link TenantCheck}), {@code requested_tenant_id}, {@code namespace_id}, {@code scenario_id},
 * {@code run_id}, {@code runpack_bytes}, {@code storage_uri}, {@code api_request_id}, {@code
 * duration_ms}.
 *
 * <p>Never a payload, never an error message (messages may quote input): codes and ids only, each
 * escaped by {@link AuditLine} so that no input can end the record or forge another.
 */
final class AuditLog {

  static final String CATEGORY = "runpack.audit";
  static final String EVENT = "runpack_export";
  private static final Logger LOG = Logger.getLogger(CATEGORY);

  private AuditLog() {}

  static void exported(
      Invocation invocation, TenantCheck check, ExportRunpackCommand command, ExportResult result) {
    LOG.info(line(invocation, check, Optional.of(command), Optional.of(result), Optional.empty()));
  }

  static void failed(
      Invocation invocation,
      TenantCheck check,
      Optional<ExportRunpackCommand> command,
      RunpackException failure) {
    LOG.info(line(invocation, check, command, Optional.empty(), Optional.of(failure)));
  }

  static String line(
      Invocation invocation,
      TenantCheck check,
      Optional<ExportRunpackCommand> command,
      Optional<ExportResult> result,
      Optional<RunpackException> failure) {
    Caller caller = invocation.caller();
    Caller.Claim claim = caller.claim();
    return new AuditLine()
        .text("event", EVENT)
        .text("request_id", invocation.requestId())
        .text("outcome", failure.isPresent() ? "failed" : "exported")
        .text("error_code", failure.map(f -> f.code().wireName()))
        .text("caller", caller.kind().wireName)
        .text("principal", caller.principal())
        .text("claim_source", claim.source())
        .unsigned(
            "claimed_tenant_id",
            claim instanceof Caller.Valid valid ? Optional.of(valid.tenant()) : Optional.empty())
        .text(
            "malformed_claim",
            claim instanceof Caller.Malformed malformed ? malformed.asSent() : Optional.empty())
        .text("tenant_check", check.wireName())
        .unsigned("requested_tenant_id", command.map(ExportRunpackCommand::tenantId))
        .unsigned("namespace_id", command.map(ExportRunpackCommand::namespaceId))
        .text("scenario_id", command.map(ExportRunpackCommand::scenarioId))
        .text("run_id", command.map(ExportRunpackCommand::runId))
        .unsigned("runpack_bytes", result.map(ExportResult::runpackBytes))
        .text("storage_uri", result.flatMap(ExportResult::storageUri))
        .text("api_request_id", caller.apiRequestId())
        .unsigned(
            "duration_ms", Optional.of((System.nanoTime() - invocation.startNanos()) / 1_000_000))
        .end();
  }
}

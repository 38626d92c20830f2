package io.runpack.function;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.CanonicalJson;
import io.runpack.domain.json.JsonNull;
import io.runpack.domain.json.JsonNumber;
import io.runpack.domain.json.JsonObject;
import io.runpack.domain.json.JsonString;
import io.runpack.domain.json.JsonValue;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * One structured (JSON) log line per export, on the {@code runpack.audit} logger: request id,
 * caller kind, tenant, namespace, run, outcome, runpack bytes and duration. Never a payload, never
 * a record: error messages name keys and fields, not contents.
 */
final class AuditLog {

  static final String CATEGORY = "runpack.audit";
  private static final Logger LOG = Logger.getLogger(CATEGORY);

  private AuditLog() {}

  static void exported(
      String requestId,
      Caller caller,
      ExportRunpackCommand command,
      ExportResult result,
      long nanos) {
    JsonObject.Builder line =
        common(requestId, caller, command, nanos)
            .put("outcome", "exported")
            .put("runpack_bytes", JsonNumber.of(result.runpackBytes()))
            .put(
                "storage_uri",
                result.storageUri().<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE));
    LOG.info(text(line.build()));
  }

  static void failed(
      String requestId,
      Caller caller,
      ExportRunpackCommand command,
      RunpackException failure,
      long nanos) {
    JsonObject.Builder line =
        common(requestId, caller, command, nanos)
            .put("outcome", "failed")
            .put("error_code", failure.code().wireName());
    LOG.info(text(line.build()));
  }

  private static JsonObject.Builder common(
      String requestId, Caller caller, ExportRunpackCommand command, long nanos) {
    return JsonObject.builder()
        .put("event", "runpack_export")
        .put("request_id", requestId == null ? JsonNull.INSTANCE : new JsonString(requestId))
        .put("caller", caller.kind())
        .put(
            "tenant_id",
            command == null ? JsonNull.INSTANCE : JsonNumber.ofUnsigned(command.tenantId()))
        .put(
            "namespace_id",
            command == null ? JsonNull.INSTANCE : JsonNumber.ofUnsigned(command.namespaceId()))
        .put("run_id", command == null ? JsonNull.INSTANCE : new JsonString(command.runId()))
        .put("duration_ms", JsonNumber.of(nanos / 1_000_000));
  }

  private static String text(JsonObject line) {
    return new String(CanonicalJson.toBytes(line), StandardCharsets.UTF_8);
  }
}

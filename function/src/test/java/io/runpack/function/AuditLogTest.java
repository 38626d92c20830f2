package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit record's form: one JSON object per invocation, alone on its line, always the same
 * members in the same order, ids and figures but no payload and no error message.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class AuditLogTest {

  static final List<String> MEMBERS =
      List.of(
          "event",
          "request_id",
          "outcome",
          "error_code",
          "caller",
          "principal",
          "claim_source",
          "claimed_tenant_id",
          "malformed_claim",
          "tenant_check",
          "requested_tenant_id",
          "namespace_id",
          "scenario_id",
          "run_id",
          "runpack_bytes",
          "storage_uri",
          "api_request_id",
          "duration_ms");

  LogCapture logs;

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
  }

  @BeforeEach
  void listen() {
    logs = LogCapture.start();
  }

  @AfterEach
  void stopListening() {
    logs.close();
  }

  @Test
  void successfulExportLogsOneRecordWithItsFigures() {
    FunctionTestSupport.invoke(Fixtures.read(Fixtures.request("golden_visibility_packet")));

    String line = logs.auditLines().get(0);
    assertTrue(line.startsWith("{\"event\":\"runpack_export\",\"request_id\":\""), line);
    JsonObject record = logs.onlyAuditRecord();
    assertEquals(MEMBERS, List.copyOf(record.members().keySet()));
    assertEquals("\"exported\"", text(record, "outcome"));
    assertEquals("null", text(record, "error_code"));
    assertEquals("\"direct\"", text(record, "caller"));
    assertEquals("\"not_required\"", text(record, "tenant_check"));
    assertEquals("\"run-2\"", text(record, "run_id"));
    assertEquals("\"golden-visibility\"", text(record, "scenario_id"));
    assertEquals("1", text(record, "requested_tenant_id"));
    assertEquals("1", text(record, "namespace_id"));
    assertTrue(text(record, "storage_uri").startsWith("\"s3://"), text(record, "storage_uri"));
    long goldenBytes =
        Fixtures.readTree(Fixtures.golden("golden_visibility_packet")).values().stream()
            .mapToLong(b -> b.length)
            .sum();
    assertEquals(Long.toString(goldenBytes), text(record, "runpack_bytes"));
  }

  @Test
  void failedExportLogsItsErrorCodeAndNoPayload() {
    String request =
        new String(
                Fixtures.read(Fixtures.request("golden_visibility_packet")), StandardCharsets.UTF_8)
            .replace("\"run-2\"", "\"secret-run-that-does-not-exist\"");

    FunctionTestSupport.invoke(request);

    JsonObject record = logs.onlyAuditRecord();
    assertEquals(MEMBERS, List.copyOf(record.members().keySet()));
    assertEquals("\"failed\"", text(record, "outcome"));
    assertEquals("\"run_not_found\"", text(record, "error_code"));
    assertEquals("null", text(record, "runpack_bytes"));
    assertFalse(logs.auditLines().get(0).contains("no run for"), "messages may quote input");
  }

  @Test
  void invalidRequestLogsWithoutIds() {
    FunctionTestSupport.invoke("{\"tenant_id\": \"x\"}");

    JsonObject record = logs.onlyAuditRecord();
    assertEquals(MEMBERS, List.copyOf(record.members().keySet()));
    assertEquals("null", text(record, "requested_tenant_id"));
    assertEquals("null", text(record, "run_id"));
    assertEquals("\"invalid_request\"", text(record, "error_code"));
  }

  private static String text(JsonObject record, String key) {
    return new String(CanonicalJson.toBytes(record.get(key).orElseThrow()), StandardCharsets.UTF_8);
  }
}

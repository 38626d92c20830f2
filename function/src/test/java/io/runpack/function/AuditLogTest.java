package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.runpack.domain.json.JsonObject;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One structured JSON line per export, success or failure, with ids and figures but no payload. */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class AuditLogTest {

  final List<String> lines = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (lines) {
            lines.add(record.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
  }

  @BeforeEach
  void listen() {
    Logger.getLogger(AuditLog.CATEGORY).addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    Logger.getLogger(AuditLog.CATEGORY).removeHandler(capture);
  }

  @Test
  void successfulExportLogsOneLineWithItsFigures() {
    FunctionTestSupport.invoke(Fixtures.read(Fixtures.request("golden_visibility_packet")));

    JsonObject line = onlyLine();
    assertEquals(
        List.of(
            "caller",
            "duration_ms",
            "event",
            "namespace_id",
            "outcome",
            "request_id",
            "run_id",
            "runpack_bytes",
            "storage_uri",
            "tenant_id"),
        List.copyOf(new java.util.TreeSet<>(line.members().keySet())));
    assertEquals("\"exported\"", text(line, "outcome"));
    assertEquals("\"direct\"", text(line, "caller"));
    assertEquals("\"run-2\"", text(line, "run_id"));
    assertEquals("1", text(line, "tenant_id"));
    long goldenBytes =
        Fixtures.readTree(Fixtures.golden("golden_visibility_packet")).values().stream()
            .mapToLong(b -> b.length)
            .sum();
    assertEquals(Long.toString(goldenBytes), text(line, "runpack_bytes"));
  }

  @Test
  void failedExportLogsItsErrorCodeAndNoPayload() {
    String request =
        new String(
                Fixtures.read(Fixtures.request("golden_visibility_packet")), StandardCharsets.UTF_8)
            .replace("\"run-2\"", "\"secret-run-that-does-not-exist\"");

    FunctionTestSupport.invoke(request);

    JsonObject line = onlyLine();
    assertEquals("\"failed\"", text(line, "outcome"));
    assertEquals("\"run_not_found\"", text(line, "error_code"));
    assertFalse(
        line.members().containsKey("error_message"), "messages may quote input: not logged");
  }

  @Test
  void invalidRequestLogsWithoutIds() {
    FunctionTestSupport.invoke("{\"tenant_id\": \"x\"}");

    JsonObject line = onlyLine();
    assertEquals("null", text(line, "tenant_id"));
    assertEquals("\"invalid_request\"", text(line, "error_code"));
  }

  private JsonObject onlyLine() {
    synchronized (lines) {
      assertEquals(1, lines.size(), lines.toString());
      String line = lines.get(0);
      assertTrue(line.startsWith("{") && !line.contains("\n"), line);
      return (JsonObject) FunctionTestSupport.CODEC.decode(line.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String text(JsonObject line, String key) {
    return new String(
        io.runpack.domain.json.CanonicalJson.toBytes(line.get(key).orElseThrow()),
        StandardCharsets.UTF_8);
  }
}

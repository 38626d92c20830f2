package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 5: no input forges an audit record. Every input field (each member of the
 * request, a member's name, and the event's own fields: the tenant claim, the principal, API
 * Gateway's request id, the route, the raw body) is set in turn to text that holds a complete audit
 * record behind every kind of line break a log reader may split at (LF, CR, CRLF, VT, FF, U+0085,
 * U+2028, U+2029), or behind a quote that would close a JSON string. Across everything the function
 * logs for that invocation (its audit line, Quarkus's Lambda loop's error log of a failed direct
 * invocation, any other record, stack traces included), exactly one line parses as an audit record:
 * the real one, which is printable ASCII.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class ForgedAuditRecordTest {

  static final String FORGED =
      "{\"event\":\"runpack_export\",\"request_id\":\"forged\",\"outcome\":\"exported\","
          + "\"error_code\":null,\"caller\":\"direct\",\"tenant_check\":\"allowed\","
          + "\"requested_tenant_id\":2,\"run_id\":\"run-2\",\"runpack_bytes\":1}";
  static final List<String> BREAKS =
      List.of("\n", "\r", "\r\n", "\u000b", "\f", "\u0085", "\u2028", "\u2029");

  /**
   * A request for a run that does not exist, so that nothing is written whatever a hostile field
   * would let through (the store is shared with other tests); its run_not_found message quotes the
   * run id, as the forged line did.
   */
  static final JsonObject REQUEST =
      (JsonObject)
          FunctionTestSupport.CODEC.decode(
              new String(
                      Fixtures.read(Fixtures.request("golden_visibility_packet")),
                      StandardCharsets.UTF_8)
                  .replace("\"run-2\"", "\"run-404\"")
                  .getBytes(StandardCharsets.UTF_8));

  LogCapture logs;
  int invocations;
  int objects;

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
  }

  @BeforeEach
  void listen() {
    logs = LogCapture.start();
    invocations = 0;
    objects = FunctionTestSupport.objectCount();
  }

  /** The hostile texts: a forged record behind each line break, and behind a closing quote. */
  static List<String> hostile() {
    List<String> texts = new ArrayList<>(List.of(FORGED));
    for (String lineBreak : BREAKS) {
      texts.add("run-2" + lineBreak + FORGED + lineBreak + "x");
      texts.add("\"}" + lineBreak + FORGED);
    }
    return texts;
  }

  @Test
  void noRequestFieldOfADirectInvocationForgesARecord() {
    for (String text : hostile()) {
      for (Map.Entry<String, Function<String, JsonObject>> field : requestFields().entrySet()) {
        assertOneRealRecord(field.getValue().apply(text), field.getKey(), text);
      }
    }
  }

  @Test
  void noRequestFieldOfAnApiCallForgesARecord() {
    for (String text : hostile()) {
      for (Map.Entry<String, Function<String, JsonObject>> field : requestFields().entrySet()) {
        String body = FunctionTestSupport.json(field.getValue().apply(text));
        JsonObject event =
            ApiGatewayTest.httpApi(body, false, ApiGatewayTest.jwt(new JsonString("1")));
        assertOneRealRecord(event, "body " + field.getKey(), text);
      }
    }
  }

  @Test
  void noFieldOfAnApiGatewayEventForgesARecord() {
    String body = FunctionTestSupport.json(REQUEST);
    for (String text : hostile()) {
      assertOneRealRecord(
          ApiGatewayTest.httpApi(body, false, ApiGatewayTest.jwt(new JsonString(text))),
          "tenant claim",
          text);
      for (ClaimSources source : ClaimSources.values()) {
        assertOneRealRecord(source.event(body, new JsonString("1"), text), "principal", text);
      }
      assertOneRealRecord(
          replace(
              ApiGatewayTest.httpApi(body, false, ApiGatewayTest.jwt(new JsonString("1"))),
              "requestContext",
              context -> replace((JsonObject) context, "requestId", id -> new JsonString(text))),
          "requestContext.requestId",
          text);
      assertOneRealRecord(
          replace(
              ApiGatewayTest.httpApi(body, false, ApiGatewayTest.jwt(new JsonString("1"))),
              "routeKey",
              route -> new JsonString(text)),
          "routeKey",
          text);
      assertOneRealRecord(
          ApiGatewayTest.httpApi(text, false, ApiGatewayTest.jwt(new JsonString("1"))),
          "body",
          text);
    }
  }

  /**
   * Sends the event and checks that it got exactly one audit record, in printable ASCII. Other log
   * records of an invocation may be written after its answer (Quarkus's Lambda loop logs a failed
   * invocation as it reports it), so those are checked once all invocations are done.
   */
  private void assertOneRealRecord(JsonValue event, String field, String text) {
    String what = field + " = " + FunctionTestSupport.json(new JsonString(text));
    int before = logs.auditLines().size();

    FunctionTestSupport.invoke(event);

    List<String> audit = logs.auditLines();
    assertEquals(before + 1, audit.size(), what + ": " + audit.subList(before, audit.size()));
    String real = audit.get(before);
    assertTrue(real.chars().allMatch(c -> c >= 0x20 && c < 0x7f), what + ": " + real);
    JsonObject record =
        (JsonObject) FunctionTestSupport.CODEC.decode(real.getBytes(StandardCharsets.UTF_8));
    assertNotEquals("forged", AuditMembers.text(record, "request_id"), what);
    invocations++;
  }

  /**
   * After every invocation of a test, and one more harmless one so that whatever the last logged
   * late has arrived: the only audit-shaped lines in the whole log are the real records, one per
   * invocation.
   */
  @AfterEach
  void onlyTheRealRecordsLookLikeRecords() {
    try {
      FunctionTestSupport.invoke(REQUEST);
      List<String> real = logs.auditLines();
      assertEquals(invocations + 1, real.size());
      assertEquals(real, logs.auditShapedLines(), "audit-shaped lines in " + logs.entries());
      assertEquals(objects, FunctionTestSupport.objectCount(), "nothing written");
    } finally {
      logs.close();
    }
  }

  /** Each field of the request, as a way to set it to a text; plus a member named by the text. */
  private static Map<String, Function<String, JsonObject>> requestFields() {
    Map<String, Function<String, JsonObject>> fields = new java.util.LinkedHashMap<>();
    for (String key : REQUEST.members().keySet()) {
      fields.put(key, text -> replace(REQUEST, key, old -> new JsonString(text)));
    }
    for (String key : new String[] {"kind", "value"}) {
      fields.put(
          "generated_at." + key,
          text ->
              replace(
                  REQUEST,
                  "generated_at",
                  at -> replace((JsonObject) at, key, old -> new JsonString(text))));
    }
    fields.put(
        "a member's name",
        text -> {
          JsonObject.Builder request = JsonObject.builder();
          REQUEST.members().forEach(request::put);
          return request.put(text, new JsonString("x")).build();
        });
    return fields;
  }

  private static JsonObject replace(
      JsonObject object, String key, Function<JsonValue, JsonValue> change) {
    JsonObject.Builder copy = JsonObject.builder();
    object.members().forEach((k, v) -> copy.put(k, k.equals(key) ? change.apply(v) : v));
    return copy.build();
  }
}

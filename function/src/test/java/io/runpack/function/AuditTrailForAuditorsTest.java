package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 6: the audit trail says what an auditor needs. Every invocation has one record,
 * including refusals before the request is read (no claim, invalid base64, no body, an oversized
 * body, a malformed event); a refused cross-tenant request names the principal, the claimed and the
 * requested tenant and the tenant check's decision, so it does not read like the target tenant's
 * own failure; and a caller without a claim is refused (403) before its body is decoded, whatever
 * the body.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class AuditTrailForAuditorsTest {

  static final String REQUEST =
      new String(
          Fixtures.read(Fixtures.request("golden_visibility_packet")), StandardCharsets.UTF_8);
  static final String OVERSIZED =
      REQUEST.replace("\"run_id\": \"run-2\"", "\"run_id\": \"" + "r".repeat(70_000) + "\"");

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
  void aRefusedCrossTenantRequestNamesWhoClaimedWhatAndTheDecision() {
    JsonObject record =
        recordOf(
            ApiGatewayTest.httpApi(REQUEST, false, ApiGatewayTest.jwt(new JsonString("2"))), 403);

    assertMembers(
        record,
        Map.of(
            "outcome", "failed",
            "error_code", "forbidden",
            "caller", "http_api",
            "principal", "auditor",
            "claim_source", "requestContext.authorizer.jwt.claims",
            "claimed_tenant_id", "2",
            "requested_tenant_id", "1",
            "tenant_check", "denied_other_tenant",
            "api_request_id", "req-http",
            "run_id", "run-2"));
  }

  @Test
  void theTargetTenantsOwnFailureReadsDifferently() {
    JsonObject record =
        recordOf(
            ApiGatewayTest.httpApi(
                REQUEST.replace("\"run-2\"", "\"run-404\""),
                false,
                ApiGatewayTest.jwt(new JsonString("1"))),
            404);

    assertMembers(
        record,
        Map.of(
            "error_code", "run_not_found",
            "claimed_tenant_id", "1",
            "requested_tenant_id", "1",
            "tenant_check", "allowed"));
  }

  @Test
  void aSuccessRecordsItsFigures() {
    JsonObject record =
        recordOf(ApiGatewayTest.restApi(REQUEST, true, cognito(new JsonString("1"))), 200);

    assertMembers(
        record,
        Map.of(
            "outcome", "exported",
            "error_code", "null",
            "caller", "rest_api",
            "principal", "auditor",
            "claim_source", "requestContext.authorizer.claims",
            "tenant_check", "allowed",
            "api_request_id", "req-rest"));
    assertTrue(Long.parseLong(AuditMembers.text(record, "runpack_bytes")) > 0, record.toString());
    assertTrue(Long.parseLong(AuditMembers.text(record, "duration_ms")) >= 0, record.toString());
    assertTrue(AuditMembers.text(record, "storage_uri").startsWith("s3://"), record.toString());
  }

  @Test
  void refusalsBeforeTheRequestIsReadAreAudited() {
    JsonObject withClaim = ApiGatewayTest.jwt(new JsonString("1"));
    assertFailure(badBase64(withClaim), 400, "invalid_request", "not_reached");
    assertFailure(noBody(withClaim), 400, "invalid_request", "not_reached");
    assertFailure(
        ApiGatewayTest.httpApi(OVERSIZED, false, withClaim), 413, "limit_exceeded", "not_reached");
    assertFailure(
        ApiGatewayTest.httpApi("{not json", false, withClaim), 400, "invalid_json", "not_reached");
    assertFailure(
        replace(
            ApiGatewayTest.httpApi(REQUEST, false, withClaim), "version", new JsonString("3.0")),
        403,
        "forbidden",
        "denied_malformed_claim");
    assertFailure(
        replace(
            ApiGatewayTest.httpApi(REQUEST, false, withClaim),
            "requestContext",
            JsonObject.builder().put("authorizer", "a string").build()),
        403,
        "forbidden",
        "denied_malformed_claim");
  }

  @Test
  void malformedDirectEventsAreAudited() {
    for (String event : new String[] {"{not json", "[1]", "", "{\"httpMethod\":\"POST\"}"}) {
      logs.clear();

      FunctionTestSupport.invoke(event);

      JsonObject record = logs.onlyAuditRecord();
      assertEquals("direct", AuditMembers.text(record, "caller"), event);
      assertEquals("failed", AuditMembers.text(record, "outcome"), event);
      assertEquals("not_required", AuditMembers.text(record, "tenant_check"), event);
      assertTrue(AuditMembers.text(record, "error_code").startsWith("invalid_"), record.toString());
    }
  }

  @Test
  void aCallerWithoutAClaimIsForbiddenBeforeItsBodyIsDecoded() {
    JsonObject none = JsonObject.EMPTY;
    for (JsonObject event :
        new JsonObject[] {
          badBase64(none),
          noBody(none),
          ApiGatewayTest.httpApi(OVERSIZED, false, none),
          ApiGatewayTest.httpApi("{not json", false, none),
          ApiGatewayTest.restApi(OVERSIZED, true, JsonObject.EMPTY)
        }) {
      JsonObject record = recordOf(event, 403);

      assertMembers(
          record,
          Map.of(
              "error_code", "forbidden",
              "tenant_check", "denied_no_claim",
              "requested_tenant_id", "null",
              "claimed_tenant_id", "null"));
    }
  }

  private void assertFailure(JsonObject event, int status, String code, String check) {
    JsonObject record = recordOf(event, status);

    assertMembers(
        record,
        Map.of(
            "outcome",
            "failed",
            "error_code",
            code,
            "tenant_check",
            check,
            "requested_tenant_id",
            "null"));
  }

  private JsonObject recordOf(JsonObject event, int status) {
    logs.clear();

    ProxyCalls response = ProxyCalls.send(event);

    assertEquals(status, response.status(), response.body().toString());
    return logs.onlyAuditRecord();
  }

  private static void assertMembers(JsonObject record, Map<String, String> expected) {
    expected.forEach(
        (key, value) -> assertEquals(value, AuditMembers.text(record, key), key + " in " + record));
  }

  private static JsonObject badBase64(JsonObject authorizer) {
    return replace(
        replace(ApiGatewayTest.httpApi(REQUEST, false, authorizer), "body", new JsonString("%%%")),
        "isBase64Encoded",
        JsonBoolean.TRUE);
  }

  private static JsonObject noBody(JsonObject authorizer) {
    JsonObject.Builder event = JsonObject.builder();
    ApiGatewayTest.httpApi(REQUEST, false, authorizer)
        .members()
        .forEach(
            (k, v) -> {
              if (!k.equals("body")) {
                event.put(k, v);
              }
            });
    return event.build();
  }

  private static JsonObject cognito(JsonValue tenant) {
    return JsonObject.builder()
        .put("claims", JsonObject.builder().put("tenant_id", tenant).put("sub", "auditor").build())
        .build();
  }

  private static JsonObject replace(JsonObject object, String key, JsonValue value) {
    JsonObject.Builder copy = JsonObject.builder();
    object.members().forEach((k, v) -> copy.put(k, k.equals(key) ? value : v));
    return copy.build();
  }
}

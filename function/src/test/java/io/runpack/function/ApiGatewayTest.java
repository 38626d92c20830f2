package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API Gateway proxy events, REST API (1.0) and HTTP API (2.0): the tenant comes from the
 * authorizer, the answer is a proxy response, failures are HTTP statuses with a JSON error body.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class ApiGatewayTest {

  static final String REQUEST =
      new String(
          Fixtures.read(Fixtures.request("golden_visibility_packet")), StandardCharsets.UTF_8);

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
    FunctionTestSupport.importRunWithCorruptedSpec(
        "golden_visibility_packet", "run-spec-changed-api");
  }

  @Test
  void httpApiWithAJwtClaimExportsTheRun() {
    JsonObject proxy = invoke(httpApi(REQUEST, false, jwt(new JsonString("1"))));

    assertEquals(JsonNumber.of(200), proxy.get("statusCode").orElseThrow());
    assertEquals(
        "application/json",
        ((JsonObject) proxy.get("headers").orElseThrow())
            .get("Content-Type")
            .map(v -> ((JsonString) v).value())
            .orElseThrow());
    JsonObject output = body(proxy);
    assertArrayEquals(
        Fixtures.read(Fixtures.golden("golden_visibility_packet").resolve("manifest.json")),
        CanonicalJson.toBytes(output.get("manifest").orElseThrow()));
  }

  @Test
  void restApiWithCognitoClaimsAndABase64BodyExportsTheRun() {
    JsonObject authorizer =
        JsonObject.builder()
            .put("claims", JsonObject.builder().put("tenant_id", "1").build())
            .build();

    JsonObject proxy = invoke(restApi(REQUEST, true, authorizer));

    assertEquals(JsonNumber.of(200), proxy.get("statusCode").orElseThrow(), proxy.toString());
    assertTrue(body(proxy).get("storage_uri").orElseThrow() instanceof JsonString);
  }

  @Test
  void lambdaAuthorizerContextsAreReadToo() {
    JsonObject restContext =
        JsonObject.builder().put("tenant_id", "1").put("principalId", "svc").build();
    JsonObject httpContext =
        JsonObject.builder()
            .put("lambda", JsonObject.builder().put("tenant_id", JsonNumber.of(1)).build())
            .build();

    assertEquals(
        JsonNumber.of(200),
        invoke(restApi(REQUEST, false, restContext)).get("statusCode").orElseThrow());
    assertEquals(
        JsonNumber.of(200),
        invoke(httpApi(REQUEST, false, httpContext)).get("statusCode").orElseThrow());
  }

  @Test
  void requestForAnotherTenantIsForbiddenAndWritesNothing() {
    assertError(
        httpApi(REQUEST, false, jwt(new JsonString("2"))),
        403,
        "forbidden",
        "tenant_id 1 is not the caller's tenant");
  }

  @Test
  void missingTenantClaimIsForbidden() {
    assertError(
        httpApi(REQUEST, false, JsonObject.EMPTY),
        403,
        "forbidden",
        "the caller's tenant is unknown: no tenant_id in the authorizer context");
  }

  @Test
  void missingClaimIsForbiddenEvenForAnInvalidBody() {
    assertError(
        httpApi("{not json", false, JsonObject.EMPTY),
        403,
        "forbidden",
        "the caller's tenant is unknown: no tenant_id in the authorizer context");
  }

  @Test
  void malformedBodyIsBadRequest() {
    assertError(
        httpApi("{\"tenant_id\": 1,", false, jwt(new JsonString("1"))),
        400,
        "invalid_json",
        "Unexpected end of the JSON text");
  }

  @Test
  void missingBodyIsBadRequest() {
    JsonObject event =
        JsonObject.builder()
            .put("version", "2.0")
            .put("routeKey", "POST /runpacks")
            .put(
                "requestContext",
                JsonObject.builder().put("authorizer", jwt(new JsonString("1"))).build())
            .build();

    assertError(event, 400, "invalid_request", "request body is missing");
  }

  @Test
  void invalidBase64IsBadRequest() {
    JsonObject event =
        JsonObject.builder()
            .put("version", "2.0")
            .put("routeKey", "POST /runpacks")
            .put(
                "requestContext",
                JsonObject.builder().put("authorizer", jwt(new JsonString("1"))).build())
            .put("body", "%%%")
            .put("isBase64Encoded", true)
            .build();

    assertError(event, 400, "invalid_request", "request body is not valid base64");
  }

  @Test
  void schemaViolationsAreBadRequestNamingTheField() {
    assertError(
        httpApi(
            REQUEST.replace("\"namespace_id\": 1", "\"namespace_id\": 0"),
            false,
            jwt(new JsonString("1"))),
        400,
        "invalid_request",
        "request does not match the runpack_export input schema: $.namespace_id: must have a minimum value of 1");
  }

  @Test
  void oversizedBodyIsPayloadTooLarge() {
    String padded =
        REQUEST.replace("\"run_id\": \"run-2\"", "\"run_id\": \"" + "r".repeat(70_000) + "\"");

    assertError(
        httpApi(padded, false, jwt(new JsonString("1"))),
        413,
        "limit_exceeded",
        "request exceeds the limit of 65536 bytes");
  }

  @Test
  void bodyOverTheOldEventLimitIsStillPayloadTooLarge() {
    String padded =
        REQUEST.replace("\"run_id\": \"run-2\"", "\"run_id\": \"" + "r".repeat(400_000) + "\"");

    assertError(
        httpApi(padded, false, jwt(new JsonString("1"))),
        413,
        "limit_exceeded",
        "request exceeds the limit of 65536 bytes");
  }

  @Test
  void unknownRunIsNotFound() {
    assertError(
        httpApi(REQUEST.replace("\"run-2\"", "\"run-404\""), false, jwt(new JsonString("1"))),
        404,
        "run_not_found",
        "no run for");
  }

  @Test
  void specHashMismatchIsAConflict() {
    assertError(
        httpApi(
            REQUEST
                .replace("\"run-2\"", "\"run-spec-changed-api\"")
                .replace("\"golden-visibility\"", "\"golden-visibility-corrupt\""),
            false,
            jwt(new JsonString("1"))),
        409,
        "spec_hash_mismatch",
        "run state spec hash mismatch");
  }

  private static void assertError(JsonObject event, int status, String code, String messageStart) {
    int before = FunctionTestSupport.objectCount();

    JsonObject proxy = invoke(event);

    assertEquals(JsonNumber.of(status), proxy.get("statusCode").orElseThrow(), proxy.toString());
    JsonObject error = (JsonObject) body(proxy).get("error").orElseThrow();
    assertEquals(new JsonString(code), error.get("code").orElseThrow());
    String message = ((JsonString) error.get("message").orElseThrow()).value();
    assertTrue(message.startsWith(messageStart), message);
    assertEquals(java.util.Set.of("code", "message"), error.members().keySet());
    assertEquals(before, FunctionTestSupport.objectCount(), "nothing written");
  }

  private static JsonObject invoke(JsonObject event) {
    Response response = FunctionTestSupport.invoke(CanonicalJson.toBytes(event));
    assertEquals(200, response.statusCode(), response.asString());
    return (JsonObject) FunctionTestSupport.CODEC.decode(response.asByteArray());
  }

  private static JsonObject body(JsonObject proxy) {
    String body = ((JsonString) proxy.get("body").orElseThrow()).value();
    return (JsonObject) FunctionTestSupport.CODEC.decode(body.getBytes(StandardCharsets.UTF_8));
  }

  static JsonObject jwt(JsonValue tenant) {
    return JsonObject.builder()
        .put(
            "jwt",
            JsonObject.builder()
                .put(
                    "claims",
                    JsonObject.builder().put("tenant_id", tenant).put("sub", "auditor").build())
                .build())
        .build();
  }

  static JsonObject httpApi(String body, boolean base64, JsonObject authorizer) {
    return JsonObject.builder()
        .put("version", "2.0")
        .put("routeKey", "POST /runpacks")
        .put("rawPath", "/runpacks")
        .put("headers", JsonObject.builder().put("content-type", "application/json").build())
        .put(
            "requestContext",
            JsonObject.builder()
                .put(
                    "http",
                    JsonObject.builder().put("method", "POST").put("path", "/runpacks").build())
                .put("requestId", "req-http")
                .put("authorizer", authorizer)
                .build())
        .put("body", encoded(body, base64))
        .put("isBase64Encoded", JsonBoolean.of(base64))
        .build();
  }

  private static String encoded(String body, boolean base64) {
    return base64
        ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
        : body;
  }

  static JsonObject restApi(String body, boolean base64, JsonObject authorizer) {
    return JsonObject.builder()
        .put("resource", "/runpacks")
        .put("path", "/runpacks")
        .put("httpMethod", "POST")
        .put("headers", JsonObject.builder().put("Content-Type", "application/json").build())
        .put(
            "requestContext",
            JsonObject.builder().put("requestId", "req-rest").put("authorizer", authorizer).build())
        .put("body", encoded(body, base64))
        .put("isBase64Encoded", JsonBoolean.of(base64))
        .build();
  }
}

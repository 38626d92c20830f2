package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 3: exactly one authorizer source is read, chosen by the event's shape. A claim
 * in a source the shape does not name is never used, and its presence makes the claim malformed
 * (403), even where the chosen source has none and missing claims are trusted.
 */
@QuarkusTest
@TestProfile(TwoTenantsProfile.class)
class ClaimSourcesDoNotFallThroughTest {

  static final String LABEL = TenantScopedOutputTest.LABEL;

  LogCapture logs;

  @BeforeEach
  void listen() {
    logs = LogCapture.start();
  }

  @AfterEach
  void stopListening() {
    logs.close();
  }

  @Test
  void anUnusableJwtClaimDoesNotFallThroughToTheLambdaContext() {
    // the event: {"jwt":{"claims":{"tenant_id":["2"]}},"lambda":{"tenant_id":"1"}}
    JsonObject authorizer =
        JsonObject.builder()
            .put("jwt", claims(JsonArray.of(new JsonString("2"))))
            .put("lambda", JsonObject.builder().put("tenant_id", "1").build())
            .build();

    assertForbidden(ApiGatewayTest.httpApi(request(1), false, authorizer));
  }

  @Test
  void anHttpApiJwtWithoutTheClaimDoesNotFallThroughToTheAuthorizerItself() {
    JsonObject authorizer =
        JsonObject.builder()
            .put("jwt", JsonObject.builder().put("claims", JsonObject.EMPTY).build())
            .put("tenant_id", "1")
            .build();

    assertForbidden(ApiGatewayTest.httpApi(request(1), false, authorizer));
  }

  @Test
  void anHttpApiEventIgnoresRestApiClaims() {
    JsonObject authorizer =
        JsonObject.builder()
            .put("claims", JsonObject.builder().put("tenant_id", "1").build())
            .build();

    assertForbidden(ApiGatewayTest.httpApi(request(1), false, authorizer));
  }

  @Test
  void aRestApiCognitoEventWithoutTheClaimDoesNotFallThroughToTheContext() {
    JsonObject authorizer =
        JsonObject.builder()
            .put("claims", JsonObject.builder().put("sub", "x").build())
            .put("tenant_id", "1")
            .build();

    assertForbidden(ApiGatewayTest.restApi(request(1), false, authorizer));
  }

  @Test
  void aRestApiEventIgnoresHttpApiSources() {
    for (String key : new String[] {"jwt", "lambda"}) {
      JsonObject inner =
          key.equals("jwt")
              ? claims(new JsonString("1"))
              : JsonObject.builder().put("tenant_id", "1").build();
      JsonObject authorizer = JsonObject.builder().put(key, inner).build();

      assertForbidden(ApiGatewayTest.restApi(request(1), false, authorizer));
    }
  }

  @Test
  void bothHttpApiAuthorizerContextsAtOnceAreForbiddenEvenWhenTheyAgree() {
    JsonObject authorizer =
        JsonObject.builder()
            .put("jwt", claims(new JsonString("1")))
            .put("lambda", JsonObject.builder().put("tenant_id", "1").build())
            .build();

    assertForbidden(ApiGatewayTest.httpApi(request(1), false, authorizer));
  }

  private void assertForbidden(JsonObject event) {
    Path base = TwoTenantsProfile.base();
    Map<String, String> before = FilesystemProfiles.snapshot(base);
    logs.clear();

    ProxyCalls response = ProxyCalls.send(event);

    assertEquals(403, response.status(), response.body().toString());
    assertEquals("forbidden", response.code());
    JsonObject record = logs.onlyAuditRecord();
    assertEquals("denied_malformed_claim", AuditMembers.text(record, "tenant_check"));
    assertEquals("null", AuditMembers.text(record, "claimed_tenant_id"));
    assertEquals(before, FilesystemProfiles.snapshot(base), "nothing written");
  }

  private static String request(long tenant) {
    return TwoTenantsProfile.request(LABEL, tenant, "\"fall-through\"");
  }

  private static JsonObject claims(io.runpack.json.JsonValue tenant) {
    return JsonObject.builder()
        .put("claims", JsonObject.builder().put("tenant_id", tenant).put("sub", "x").build())
        .build();
  }
}

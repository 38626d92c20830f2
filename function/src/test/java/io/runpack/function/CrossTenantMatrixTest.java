package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's cross-tenant matrix, through API Gateway events: callers of tenants 1 and 2, every
 * claim source, every malformed claim form, asking for either tenant's run. A caller exports its
 * own tenant's run into its own tenant's directory and nothing else; every other request is refused
 * with 403 before anything is read (each tenant has a {@code trap} run that fails when read: asking
 * for another tenant's is {@code forbidden}, never {@code invalid_run_data}) or written; the audit
 * record says what was claimed, what was requested and what was decided. Run with missing claims
 * trusted, so that a malformed claim passing for a missing one would show.
 */
@QuarkusTest
@TestProfile(TwoTenantsProfile.class)
class CrossTenantMatrixTest {

  static final String LABEL = "golden_time_after_pass";

  /** Every malformed form of a claim meant to be tenant 1 or 2. */
  static final List<JsonValue> MALFORMED =
      List.of(
          JsonArray.of(new JsonString("2")),
          JsonArray.of(new JsonString("1")),
          JsonNumber.of("2.0"),
          JsonNumber.of("1e0"),
          JsonNumber.of("-1"),
          new JsonString("2.0"),
          new JsonString(""),
          new JsonString("1\u0000"),
          new JsonString("\t1\n"),
          new JsonString(" 1"),
          new JsonString("2 "),
          new JsonString("+1"),
          new JsonString("-2"),
          new JsonString("01"),
          new JsonString("0"),
          new JsonString("1\u2028"),
          new JsonString("\u0661"),
          new JsonString("\uff12"),
          new JsonString("18446744073709551617"),
          JsonBoolean.TRUE,
          JsonNull.INSTANCE,
          JsonObject.builder().put("tenant_id", "1").build());

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
  void everyCallerExportsItsOwnTenantOnlyFromEverySource() {
    for (ClaimSources source : ClaimSources.values()) {
      for (int caller = 1; caller <= 2; caller++) {
        List<JsonValue> claims = new ArrayList<>(List.of(new JsonString(caller + "")));
        if (source == ClaimSources.HTTP_API_LAMBDA || source == ClaimSources.REST_API_LAMBDA) {
          claims.add(JsonNumber.of(caller)); // Lambda authorizers may pass numbers
        }
        for (JsonValue claim : claims) {
          for (int target = 1; target <= 2; target++) {
            String dir = "matrix/" + source + "/" + claim.typeName() + "/" + caller;
            String tenants = source + ", claim " + claim + ", tenant " + target;
            JsonObject record =
                invoke(source, claim, "user-" + caller, target, dir, caller == target ? 200 : 403);
            assertEquals(
                caller == target ? "allowed" : "denied_other_tenant",
                text(record, "tenant_check"),
                tenants);
            assertEquals(caller + "", text(record, "claimed_tenant_id"), tenants);
            assertEquals(target + "", text(record, "requested_tenant_id"), tenants);
            assertEquals("user-" + caller, text(record, "principal"), tenants);
            assertEquals(source.path, text(record, "claim_source"), tenants);
            assertEquals(source.callerKind(), text(record, "caller"), tenants);
            assertTrapIsNotRead(source, claim, target, caller == target);
          }
        }
      }
    }
  }

  @Test
  void malformedClaimsAreRefusedFromEverySourceForEveryTenant() {
    for (ClaimSources source : ClaimSources.values()) {
      for (JsonValue claim : MALFORMED) {
        for (int target = 1; target <= 2; target++) {
          String dir = "malformed/" + source + "/" + target;
          String what = source + ", claim " + claim + ", tenant " + target;
          JsonObject record = invoke(source, claim, "user-x", target, dir, 403);
          assertEquals("denied_malformed_claim", text(record, "tenant_check"), what);
          assertEquals("null", text(record, "claimed_tenant_id"), what);
          assertEquals("null", text(record, "requested_tenant_id"), what + ": body never read");
          assertEquals(
              FunctionTestSupport.json(claim),
              ((JsonString) record.get("malformed_claim").orElseThrow()).value(),
              what);
          assertTrapIsNotRead(source, claim, target, false);
        }
      }
    }
  }

  /**
   * Sends one request and checks its answer, that whatever it wrote lies in its own tenant's {@code
   * dir} and nowhere else (nothing at all when refused), and that it has exactly one audit record.
   */
  private JsonObject invoke(
      ClaimSources source,
      JsonValue claim,
      String who,
      int target,
      String dir,
      int expectedStatus) {
    Path base = TwoTenantsProfile.base();
    String own = "tenant/" + target + "/namespace/1/" + dir;
    Map<String, String> before = FilesystemProfiles.snapshot(base);
    logs.clear();
    JsonObject event =
        source.event(TwoTenantsProfile.request(LABEL, target, "\"" + dir + "\""), claim, who);

    Response response = FunctionTestSupport.invoke(event);

    String what = source + ", claim " + claim + ", tenant " + target;
    assertEquals(
        expectedStatus,
        response.jsonPath().getInt("statusCode"),
        what + ": " + response.asString());
    Map<String, String> after = FilesystemProfiles.snapshot(base);
    Set<String> changed = new HashSet<>(after.keySet());
    changed.addAll(before.keySet());
    changed.removeIf(
        path -> String.valueOf(before.get(path)).equals(String.valueOf(after.get(path))));
    for (String path : changed) {
      boolean inOwnDir = path.equals(own) || path.startsWith(own + "/");
      boolean onTheWay = expectedStatus == 200 && (own + "/").startsWith(path + "/");
      assertTrue(inOwnDir && expectedStatus == 200 || onTheWay, what + " changed " + path);
    }
    if (expectedStatus == 200) {
      assertTrue(after.containsKey(own + "/manifest.json"), what);
    }
    return logs.onlyAuditRecord();
  }

  /** Another tenant's trap run is refused before it is read; one's own fails as it is read. */
  private void assertTrapIsNotRead(ClaimSources source, JsonValue claim, int target, boolean own) {
    String request =
        TwoTenantsProfile.request(LABEL, target, "\"trap\"").replace("\"run-1\"", "\"trap\"");
    Response response = FunctionTestSupport.invoke(source.event(request, claim, "trap"));
    assertEquals(own ? 500 : 403, response.jsonPath().getInt("statusCode"), response.asString());
    assertTrue(
        response.asString().contains(own ? "invalid_run_data" : "forbidden"), response.asString());
  }

  private static String text(JsonObject record, String key) {
    JsonValue value = record.get(key).orElseThrow(() -> new AssertionError("no " + key));
    return value instanceof JsonString s
        ? s.value()
        : new String(CanonicalJson.toBytes(value), StandardCharsets.UTF_8);
  }
}

package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 2: with {@code runpack.api.trust-missing-tenant=true}, a claim that is present
 * but unusable ({@code ["2"]}, {@code 2.0}, {@code ""}) is refused with 403 for every tenant, never
 * taken for a missing claim (which this profile trusts).
 */
@QuarkusTest
@TestProfile(TwoTenantsProfile.class)
class MalformedClaimIsNeverTrustedTest {

  static final String LABEL = TenantScopedOutputTest.LABEL;
  static final List<JsonValue> ISSUE_CLAIMS =
      List.of(JsonArray.of(new JsonString("2")), JsonNumber.of("2.0"), new JsonString(""));

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
  void aMissingClaimIsTrustedInThisProfile() {
    JsonObject event =
        ApiGatewayTest.httpApi(
            TwoTenantsProfile.request(LABEL, 2, "\"trusted-missing\""), false, JsonObject.EMPTY);

    ProxyCalls response = ProxyCalls.send(event);

    assertEquals(200, response.status(), response.body().toString());
    assertEquals("trusted", AuditMembers.text(logs.onlyAuditRecord(), "tenant_check"));
  }

  @Test
  void aPresentButMalformedClaimIsForbiddenForEveryTenant() {
    Path base = TwoTenantsProfile.base();
    for (ClaimSources source : ClaimSources.values()) {
      for (JsonValue claim : ISSUE_CLAIMS) {
        for (int tenant = 1; tenant <= 2; tenant++) {
          String what =
              source + ", claim " + FunctionTestSupport.json(claim) + ", tenant " + tenant;
          Map<String, String> before = FilesystemProfiles.snapshot(base);
          logs.clear();

          ProxyCalls response =
              ProxyCalls.send(
                  source.event(
                      TwoTenantsProfile.request(LABEL, tenant, "\"malformed\""), claim, "who"));

          assertEquals(403, response.status(), what);
          assertEquals("forbidden", response.code(), what);
          assertTrue(
              response
                  .message()
                  .startsWith("the caller's tenant claim is malformed: tenant_id in "),
              what + ": " + response.message());
          JsonObject record = logs.onlyAuditRecord();
          assertEquals("denied_malformed_claim", AuditMembers.text(record, "tenant_check"), what);
          assertEquals("forbidden", AuditMembers.text(record, "error_code"), what);
          assertEquals(before, FilesystemProfiles.snapshot(base), what + ": nothing written");
        }
      }
    }
  }
}

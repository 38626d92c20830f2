package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 4: a tenant claim is taken as written, never trimmed or converted: {@code
 * "1\u0000"}, {@code "\t1\n"}, {@code " 1"} and their kin do not count as tenant 1, from any
 * source; {@code "1"} does.
 */
@QuarkusTest
@TestProfile(TwoTenantsProfile.class)
class TenantClaimIsNotTrimmedTest {

  static final String LABEL = TenantScopedOutputTest.LABEL;
  static final List<String> PADDED =
      List.of(
          "1\u0000", "\t1\n", " 1", "1 ", "\u00a01", "1\u200b", "1\r", "\u20281", "1\u0085", "01",
          "+1");

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
  void paddedClaimsAreNotTenantOne() {
    Path base = TwoTenantsProfile.base();
    for (ClaimSources source : ClaimSources.values()) {
      for (String claim : PADDED) {
        String what = source + ", claim " + FunctionTestSupport.json(new JsonString(claim));
        Map<String, String> before = FilesystemProfiles.snapshot(base);
        logs.clear();

        ProxyCalls response =
            ProxyCalls.send(source.event(request(), new JsonString(claim), "padded"));

        assertEquals(403, response.status(), what);
        assertEquals("forbidden", response.code(), what);
        JsonObject record = logs.onlyAuditRecord();
        assertEquals("denied_malformed_claim", AuditMembers.text(record, "tenant_check"), what);
        assertEquals(claim, malformedClaimAsSent(record), what);
        assertEquals(before, FilesystemProfiles.snapshot(base), what + ": nothing written");
      }
    }
  }

  @Test
  void theExactClaimIsTenantOne() {
    for (ClaimSources source : ClaimSources.values()) {
      ProxyCalls response = ProxyCalls.send(source.event(request(), new JsonString("1"), "exact"));

      assertEquals(200, response.status(), source + ": " + response.body());
    }
  }

  private static String malformedClaimAsSent(JsonObject record) {
    String json = AuditMembers.text(record, "malformed_claim");
    return ((JsonString)
            FunctionTestSupport.CODEC.decode(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .value();
  }

  private static String request() {
    return TwoTenantsProfile.request(LABEL, 1, "\"not-trimmed\"");
  }
}

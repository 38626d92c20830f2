package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 1: the function's filesystem sink puts every runpack under its own tenant's and
 * namespace's root, {@code <base>/tenant/<t>/namespace/<n>/<output_dir>}, so a caller of one tenant
 * cannot name, let alone overwrite, another tenant's runpack; output_dir names that would alias the
 * tenant root or leave it are refused, with nothing written anywhere.
 */
@QuarkusTest
@TestProfile(TwoTenantsProfile.class)
class TenantScopedOutputTest {

  static final String LABEL = "golden_time_after_pass";

  @Test
  void anotherTenantsRunpackWithTheSameOutputDirIsLeftAlone() throws Exception {
    Path base = TwoTenantsProfile.base();
    Response first = FunctionTestSupport.invoke(TwoTenantsProfile.request(LABEL, 1, "\"same\""));
    assertEquals(200, first.statusCode(), first.asString());
    Path tenant1 = base.resolve("tenant/1/namespace/1/same");
    Map<String, byte[]> golden = Fixtures.readTree(Fixtures.golden(LABEL));
    assertTrees(golden, Fixtures.readTree(tenant1));
    Map<String, String> before = FilesystemProfiles.snapshot(tenant1);

    JsonObject event =
        ClaimSources.HTTP_API_JWT.event(
            TwoTenantsProfile.request(LABEL, 2, "\"same\""), new JsonString("2"), "tenant-2-user");
    Response second = FunctionTestSupport.invoke(event);

    assertEquals(200, second.jsonPath().getInt("statusCode"), second.asString());
    assertEquals(before, FilesystemProfiles.snapshot(tenant1), "tenant 1's runpack untouched");
    assertTrees(golden, Fixtures.readTree(tenant1));
    String manifest2 = Files.readString(base.resolve("tenant/2/namespace/1/same/manifest.json"));
    assertTrue(manifest2.contains("\"tenant_id\":2"), manifest2);
  }

  @Test
  void outputDirsThatWouldAliasOrLeaveTheTenantRootAreRefused() {
    Path base = TwoTenantsProfile.base();
    List<String> refused =
        List.of(
            ".",
            "",
            " ",
            "./",
            "./x",
            "x/.",
            "x/..",
            "x/../y",
            "x//y",
            "x/",
            "..",
            "../x",
            "../../../2/namespace/1/x",
            "/tmp/x",
            base.resolve("tenant/2/namespace/1/x").toString(),
            "x\\y",
            "\\x",
            "x\ny",
            "x\ry",
            "x\ty",
            "x\u0000y",
            "x\u007fy",
            "x\u0085y",
            "x\u009by",
            "x\u2028y",
            "x\u2029y");
    Map<String, String> before = FilesystemProfiles.snapshot(base);
    for (String dir : refused) {
      String literal =
          new String(CanonicalJson.toBytes(new JsonString(dir)), StandardCharsets.UTF_8);
      Response response = FunctionTestSupport.invoke(TwoTenantsProfile.request(LABEL, 1, literal));

      assertEquals(500, response.statusCode(), literal);
      assertEquals("runpack.InvalidRequest", response.jsonPath().getString("errorType"), literal);
      String message = response.jsonPath().getString("errorMessage");
      assertTrue(message.startsWith("invalid_request: output_dir "), literal + " -> " + message);
      assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
    }
    assertEquals(before, FilesystemProfiles.snapshot(base), "nothing written anywhere");
  }

  @Test
  void theErrorNamesTheProblem() {
    assertRefusal("\".\"", "invalid_request: output_dir has a \".\" component");
    assertRefusal("\"\"", "invalid_request: output_dir is required for filesystem export");
    assertRefusal("\"x/..\"", "invalid_request: output_dir has a \"..\" component");
    assertRefusal("\"a\\\\b\"", "invalid_request: output_dir contains a backslash");
    assertRefusal(
        "\"a\\u2028b\"", "invalid_request: output_dir contains a control character (U+2028)");
    assertRefusal(
        "\"/srv/x\"",
        "invalid_request: output_dir must be relative: it names a directory under the tenant's own");
  }

  private static void assertRefusal(String literal, String message) {
    Response response = FunctionTestSupport.invoke(TwoTenantsProfile.request(LABEL, 2, literal));
    assertEquals(message, response.jsonPath().getString("errorMessage"));
  }

  private static void assertTrees(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }
}

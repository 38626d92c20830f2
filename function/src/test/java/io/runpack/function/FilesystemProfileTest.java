package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filesystem store and sink (what dev mode uses): output_dir is required and names a directory
 * under the tenant's and namespace's root inside the configured base, {@code
 * <base>/tenant/<t>/namespace/<n>/<output_dir>}; the runpack written there is Decision Gate's, byte
 * for byte.
 */
@QuarkusTest
@TestProfile(FilesystemProfileTest.Filesystem.class)
class FilesystemProfileTest {

  static final Path BASE = FilesystemProfiles.newBase("runpack-function-out");
  static final String REQUEST =
      new String(Fixtures.read(Fixtures.request("golden_time_after_pass")), StandardCharsets.UTF_8);

  /** Runs from the reference store layout, runpacks under a temporary base directory. */
  public static class Filesystem implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return FilesystemProfiles.overrides(
          BASE, Map.of("runpack.security.namespace-authority", "dg_registry"));
    }
  }

  @Test
  void exportsIntoTheOutputDirectoryUnderTheTenantsRootInTheBase() {
    Response response =
        FunctionTestSupport.invoke(
            REQUEST.replace("\"output_dir\": null", "\"output_dir\": \"runs/run-1\""));

    assertEquals(200, response.statusCode(), response.asString());
    assertTrue(response.asString().endsWith(",\"storage_uri\":null}"), response.asString());
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden("golden_time_after_pass"));
    Map<String, byte[]> written =
        Fixtures.readTree(BASE.resolve("tenant/1/namespace/1/runs/run-1"));
    assertEquals(expected.keySet(), written.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, written.get(path), path));
  }

  @Test
  void missingOutputDirIsInvalidRequest() {
    assertRefused(REQUEST, "invalid_request: output_dir is required for filesystem export");
  }

  @Test
  void outputDirOutsideTheTenantsRootIsInvalidRequest() {
    for (String dir : new String[] {"../escape", "/etc/runpack", "a/../../escape"}) {
      assertRefused(
          REQUEST.replace("\"output_dir\": null", "\"output_dir\": \"" + dir + "\""),
          "invalid_request: output_dir ");
    }
    assertTrue(!Files.exists(BASE.resolve("tenant/1/escape")));
    assertTrue(!Files.exists(BASE.resolve("tenant/1/namespace/escape")));
    assertTrue(!Files.exists(BASE.resolveSibling("escape")));
  }

  private static void assertRefused(String request, String message) {
    Response response = FunctionTestSupport.invoke(request);

    assertEquals(500, response.statusCode());
    assertEquals("runpack.InvalidRequest", response.jsonPath().getString("errorType"));
    assertTrue(
        response.jsonPath().getString("errorMessage").startsWith(message), response.asString());
  }
}

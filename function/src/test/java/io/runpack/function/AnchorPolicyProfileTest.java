package io.runpack.function;

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
 * An anchor policy configured for the deployment (runpack.anchor-policy) is recorded in every
 * manifest and enforced by the verification the export includes.
 */
@QuarkusTest
@TestProfile(AnchorPolicyProfileTest.WithAnchorPolicy.class)
class AnchorPolicyProfileTest {

  static final Path BASE = FilesystemProfiles.newBase("runpack-anchor-policy");

  /** Filesystem store and sink, and a policy the reference run's time anchors do not meet. */
  public static class WithAnchorPolicy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return FilesystemProfiles.overrides(
          BASE,
          Map.of(
              "runpack.anchor-policy",
              "{\"providers\":[{\"anchor_type\":\"trigger_time_logical\",\"provider_id\":\"time\",\"required_fields\":[\"logical\"]}]}"));
    }
  }

  @Test
  void policyIsRecordedAndEnforced() {
    String request =
        new String(
                Fixtures.read(Fixtures.request("golden_visibility_packet")), StandardCharsets.UTF_8)
            .replace("\"output_dir\": null", "\"output_dir\": \"run-2\"");

    Response response = FunctionTestSupport.invoke(request);

    assertEquals(200, response.statusCode(), response.asString());
    assertTrue(
        response
            .asString()
            .contains(
                "\"anchor_policy\":{\"providers\":[{\"anchor_type\":\"trigger_time_logical\""),
        response.asString());
    assertTrue(
        response
            .asString()
            .contains(
                "\"report\":{\"checked_files\":7,\"errors\":[\"anchor invalid for condition after"
                    + " (trigger trigger-1, stage stage-1): anchor_value must be a JSON object\"],\"status\":\"fail\"}"),
        response.asString());
    assertTrue(Files.isRegularFile(BASE.resolve("tenant/1/namespace/1/run-2/manifest.json")));
  }
}

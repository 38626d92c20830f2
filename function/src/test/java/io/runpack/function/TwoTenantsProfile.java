package io.runpack.function;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Two tenants on the filesystem store and sink: the reference runs {@code run-1} and {@code run-2}
 * for tenant 1 and, as their copies, for tenant 2 (namespace 1 both), plus a {@code trap} run for
 * each that cannot be read (not JSON: reading it is {@code invalid_run_data}, so a refusal that is
 * not {@code forbidden} shows that it was read). {@code runpack.api.trust-missing-tenant} is on: a
 * present but malformed claim must be refused all the same.
 */
public class TwoTenantsProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return FilesystemProfiles.overrides(
        FilesystemProfiles.newBase("runpack-two-tenants-out"),
        Map.of(
            "runpack.filesystem.runs-dir", runs().toString(),
            "runpack.api.trust-missing-tenant", "true",
            "runpack.security.namespace-authority", "dg_registry"));
  }

  /** The output base the running function was configured with. */
  static Path base() {
    return ConfigProvider.getConfig().getValue("runpack.filesystem.output-base", Path.class);
  }

  /** A request for {@code tenant}'s copy of a reference run, written to {@code outputDir}. */
  static String request(String label, long tenant, String outputDir) {
    return new String(Fixtures.read(Fixtures.request(label)), StandardCharsets.UTF_8)
        .replace("\"tenant_id\": 1", "\"tenant_id\": " + tenant)
        .replace("\"output_dir\": null", "\"output_dir\": " + outputDir);
  }

  private static Path runs() {
    try {
      Path runs = Files.createTempDirectory("runpack-two-tenants-runs");
      Path reference = Fixtures.root().resolve("store/1/1");
      for (int tenant = 1; tenant <= 2; tenant++) {
        Path namespace = Files.createDirectories(runs.resolve(tenant + "/1"));
        for (String run : new String[] {"run-1", "run-2"}) {
          String bundle =
              Files.readString(reference.resolve(run + ".json"), StandardCharsets.UTF_8);
          Files.writeString(
              namespace.resolve(run + ".json"),
              bundle.replace("\"tenant_id\": 1", "\"tenant_id\": " + tenant),
              StandardCharsets.UTF_8);
        }
        Files.writeString(namespace.resolve("trap.json"), "{not JSON", StandardCharsets.UTF_8);
      }
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

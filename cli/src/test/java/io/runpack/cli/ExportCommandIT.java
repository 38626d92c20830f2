package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** {@code runpack export}, run as a process, reproduces Decision Gate's runpacks. */
class ExportCommandIT {

  static final java.util.List<String> LABELS = Fixtures.LABELS;
  static final Path EXAMPLES =
      Path.of(System.getProperty("test.examples.dir", "../examples")).toAbsolutePath();

  @TempDir Path temp;

  @ParameterizedTest
  @FieldSource("LABELS")
  void exportWritesTheReferenceRunpackAndPrintsItsManifest(String label) {
    Path store = temp.resolve("runs");
    new LocalRunpack(store, null).putBundle(Fixtures.read(Fixtures.runBundle(label)));

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--request",
            Fixtures.request(label).toString(),
            "--runs",
            store.toString(),
            "--output-dir",
            "out",
            "--namespace-authority",
            "dg_registry");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr());
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(label));
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("out"));
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));

    String stdout = result.out();
    assertTrue(stdout.endsWith("}\n") && stdout.indexOf('\n') == stdout.length() - 1, "one line");
    JsonObject printed = (JsonObject) LocalRunpack.json(result.stdout());
    assertArrayEquals(
        expected.get("manifest.json"),
        CanonicalJson.toBytes(printed.get("manifest").orElseThrow()));
    assertEquals(
        "{\"checked_files\":7,\"errors\":[],\"status\":\"pass\"}",
        new String(
            CanonicalJson.toBytes(printed.get("report").orElseThrow()), StandardCharsets.UTF_8));
    assertEquals(
        "null",
        new String(
            CanonicalJson.toBytes(printed.get("storage_uri").orElseThrow()),
            StandardCharsets.UTF_8));
    assertArrayEquals(
        (new String(CanonicalJson.toBytes(printed), StandardCharsets.UTF_8) + "\n")
            .getBytes(StandardCharsets.UTF_8),
        result.stdout(),
        "stdout is canonical JSON and a newline");
  }

  @Test
  void exportReadsTheRequestFromStandardInput() {
    byte[] request = Fixtures.read(Fixtures.request("golden_time_after_pass"));

    CliProcess.Result result =
        CliProcess.run(
            temp,
            request,
            "export",
            "--request",
            "-",
            "--runs",
            Fixtures.root().resolve("store").toString(),
            "--output-dir",
            "out",
            "--namespace-authority",
            "dg_registry",
            "--dev-permissive");

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(
        result
            .out()
            .contains(
                "\"security\":{\"dev_permissive\":true,\"namespace_authority\":\"dg_registry\"}"));
  }

  @Test
  void withoutOutputDirTheRequestsOutputDirIsUsed() {
    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--request",
            EXAMPLES.resolve("requests/release-2026-11-26.json").toString(),
            "--runs",
            EXAMPLES.resolve("runs").toString());

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(Files.isRegularFile(temp.resolve("out/release-2026-11-26/manifest.json")));
  }

  @Test
  void exportWithoutSecurityFlagsRecordsNoSecurityContext() {
    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--request",
            Fixtures.request("golden_time_after_pass").toString(),
            "--runs",
            Fixtures.root().resolve("store").toString(),
            "--output-dir",
            "out");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(false, result.out().contains("\"security\""));
  }

  @Test
  void theReadmeExampleExportsAndVerifies() {
    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--request",
            EXAMPLES.resolve("requests/release-2026-11-26.json").toString(),
            "--runs",
            EXAMPLES.resolve("runs").toString(),
            "--output-dir",
            "out/release-2026-11-26");

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(Files.isRegularFile(temp.resolve("out/release-2026-11-26/manifest.json")));
    CliProcess.Result verify = CliProcess.run(temp, "verify", "out/release-2026-11-26");
    assertEquals("{\"checked_files\":8,\"errors\":[],\"status\":\"pass\"}\n", verify.out());
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runpack pretty}, run as a process: a reference runpack re-written indented equals the
 * committed golden files byte for byte; non-JSON artifacts are skipped; the output directory must
 * be missing or empty (or hold exactly this output); nothing is read outside the runpack.
 */
class PrettyCommandIT {

  static final Path GOLDEN =
      Path.of(System.getProperty("test.pretty.dir", "src/test/resources/pretty")).toAbsolutePath();

  @TempDir Path temp;

  private CliProcess.Result pretty(String manifest, String outputDir) {
    return CliProcess.run(temp, "pretty", "--manifest", manifest, "--output-dir", outputDir);
  }

  private Path copy(String label) {
    return Fixtures.copyTree(Fixtures.golden(label), temp.resolve("rp"));
  }

  @Test
  void referenceRunpackIsWrittenIndentedUnderTheSamePaths() {
    CliProcess.Result result =
        pretty(
            Fixtures.golden("golden_visibility_packet").resolve("manifest.json").toString(),
            "pretty");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("Pretty runpack written to pretty (json: 8, skipped: 0)\n", result.out());
    Map<String, byte[]> expected = Fixtures.readTree(GOLDEN.resolve("golden_visibility_packet"));
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("pretty"));
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  @Test
  void nonJsonArtifactsAreSkippedAndCounted() throws IOException {
    Path runpack = copy("golden_time_after_pass");
    Path manifest = runpack.resolve("manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace(
                "\"content_type\":\"application/json\",\"hash\":{\"algorithm\":\"sha256\","
                    + "\"value\":\"d916b026",
                "\"content_type\":\"text/plain\",\"hash\":{\"algorithm\":\"sha256\","
                    + "\"value\":\"d916b026"));

    CliProcess.Result result = pretty("rp/manifest.json", "pretty");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("Pretty runpack written to pretty (json: 7, skipped: 1)\n", result.out());
    assertFalse(Files.exists(temp.resolve("pretty/artifacts/tool_calls.json")));
    assertTrue(Files.readString(temp.resolve("pretty/manifest.json")).contains("\"text/plain\""));
  }

  @Test
  void outputDirectoryHoldingOtherFilesIsAConflictAndStaysUntouched() throws IOException {
    Files.createDirectories(temp.resolve("pretty"));
    Files.writeString(temp.resolve("pretty/notes.txt"), "mine");

    pretty(
            Fixtures.golden("golden_visibility_packet").resolve("manifest.json").toString(),
            "pretty")
        .assertFailureStartingWith(3, "conflict", "output_dir ");
    assertEquals(Map.of("notes.txt", 4), sizes(temp.resolve("pretty")));
  }

  @Test
  void outputDirectoryHoldingExactlyThisOutputIsAccepted() {
    String manifest =
        Fixtures.golden("golden_visibility_packet").resolve("manifest.json").toString();
    assertEquals(0, pretty(manifest, "pretty").exitCode());

    CliProcess.Result again = pretty(manifest, "pretty");

    assertEquals(0, again.exitCode(), again.stderr());
    assertEquals("Pretty runpack written to pretty (json: 8, skipped: 0)\n", again.out());
  }

  @Test
  void artifactsBehindALinkOutOfTheRunpackAreNotRead() throws IOException {
    Path runpack = copy("golden_visibility_packet");
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.move(runpack.resolve("artifacts"), outside.resolve("artifacts"));
    Files.createSymbolicLink(runpack.resolve("artifacts"), outside.resolve("artifacts"));

    pretty("rp/manifest.json", "pretty")
        .assertFailure(
            2,
            "invalid_request",
            "artifact read failed for artifacts/scenario_spec.json: path"
                + " artifacts/scenario_spec.json leads outside the runpack root through a symbolic"
                + " link");
    assertFalse(Files.exists(temp.resolve("pretty")));
  }

  @Test
  void manifestPathLeadingOutOfTheRunpackIsRefused() throws IOException {
    Path runpack = copy("golden_visibility_packet");
    Path manifest = runpack.resolve("manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("\"path\":\"artifacts/packets.json\"", "\"path\":\"../outside.json\""));

    pretty("rp/manifest.json", "pretty")
        .assertFailureStartingWith(
            3, "invalid_manifest", "manifest: invalid runpack path \\\"../outside.json\\\"");
    assertFalse(Files.exists(temp.resolve("pretty")));
  }

  @Test
  void artifactThatIsNotJsonFailsNamingItAndWritesNothing() throws IOException {
    Path runpack = copy("golden_visibility_packet");
    Files.writeString(runpack.resolve("artifacts/packets.json"), "[1,");

    pretty("rp/manifest.json", "pretty")
        .assertFailureStartingWith(2, "invalid_json", "artifacts/packets.json: ");
    assertFalse(Files.exists(temp.resolve("pretty")));
  }

  private static Map<String, Integer> sizes(Path dir) {
    Map<String, Integer> sizes = new java.util.TreeMap<>();
    Fixtures.readTree(dir).forEach((path, bytes) -> sizes.put(path, bytes.length));
    return sizes;
  }
}

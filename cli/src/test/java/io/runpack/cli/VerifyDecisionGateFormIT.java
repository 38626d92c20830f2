package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision Gate's form of {@code verify} ({@code --manifest PATH [--runpack-dir DIR] [--format
 * json|markdown]}), run as a process: its JSON and markdown reports byte for byte, for a passing
 * and a tampered runpack, exit 0 and 1.
 */
class VerifyDecisionGateFormIT {

  static final String PASS_MARKDOWN =
      "# Decision Gate Runpack Verification\n\n- Status: pass\n- Checked files: 8\n\n"
          + "## Errors\n- None\n\n";

  @TempDir Path temp;

  private Path tampered() throws IOException {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Files.writeString(runpack.resolve("artifacts/triggers.json"), "[]");
    Files.delete(runpack.resolve("artifacts/packets.json"));
    return runpack;
  }

  private static String manifestOf(String label) {
    return Fixtures.golden(label).resolve("manifest.json").toString();
  }

  @Test
  void passingRunpackAsMarkdown() {
    CliProcess.Result result =
        CliProcess.run(
            temp,
            "verify",
            "--manifest",
            manifestOf("golden_time_after_pass"),
            "--format",
            "markdown");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(PASS_MARKDOWN, result.out());
    assertEquals("", result.stderr());
  }

  @Test
  void aManifestPathThroughALinkAndDotDotIsTheFileTheFileSystemNames() throws IOException {
    Path good =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("good"));
    Path bad = tampered();
    Files.createSymbolicLink(good.resolve("ev"), bad.resolve("artifacts"));
    String path = good.resolve("ev/../manifest.json").toString(); // the tampered manifest

    CliProcess.Result result = CliProcess.run(temp, "verify", "--manifest", path);

    assertEquals(1, result.exitCode(), "verified " + result.out() + result.stderr());
    assertTrue(result.out().contains("\"status\":\"fail\""), result.out());
  }

  @Test
  void passingRunpackAsJsonByDefault() {
    CliProcess.Result result =
        CliProcess.run(temp, "verify", "--manifest", manifestOf("golden_visibility_packet"));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("{\"checked_files\":8,\"errors\":[],\"status\":\"pass\"}\n", result.out());
  }

  @Test
  void tamperedRunpackAsMarkdownListsEveryErrorAndExitsOne() throws IOException {
    tampered();

    CliProcess.Result result =
        CliProcess.run(temp, "verify", "--manifest", "rp/manifest.json", "--format", "markdown");

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "# Decision Gate Runpack Verification\n\n- Status: fail\n- Checked files: 7\n\n"
            + "## Errors\n- hash mismatch for artifacts/triggers.json\n"
            + "- artifact read failed for artifacts/packets.json: no such file\n\n",
        result.out());
  }

  @Test
  void tamperedRunpackAsJsonExitsOne() throws IOException {
    tampered();

    CliProcess.Result result =
        CliProcess.run(temp, "verify", "--manifest", "rp/manifest.json", "--format", "json");

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "{\"checked_files\":7,\"errors\":[\"hash mismatch for artifacts/triggers.json\","
            + "\"artifact read failed for artifacts/packets.json: no such file\"],"
            + "\"status\":\"fail\"}\n",
        result.out());
  }

  @Test
  void runpackDirectoryMayBeGivenApart() throws IOException {
    Path runpack = Fixtures.copyTree(Fixtures.golden("golden_time_after_pass"), temp.resolve("rp"));
    Files.createDirectories(runpack.resolve("meta"));
    Files.move(runpack.resolve("manifest.json"), runpack.resolve("meta/runpack.json"));

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "verify",
            "--manifest",
            "rp/meta/runpack.json",
            "--runpack-dir",
            "rp",
            "--format",
            "markdown");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(PASS_MARKDOWN, result.out());
  }

  @Test
  void markdownAlsoServesRunpacksFormWithADirectoryArgument() {
    CliProcess.Result result =
        CliProcess.run(temp, "verify", Fixtures.backcompat().toString(), "--format", "markdown");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(PASS_MARKDOWN, result.out());
  }

  @Test
  void lineBreaksInAnErrorCannotAddLinesToTheMarkdown() throws IOException {
    Path runpack = tampered();
    Path manifest = runpack.resolve("manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace(
                "\"path\":\"artifacts/packets.json\"}", "\"path\":\"x\\n- None\\r\\n## Errors\"}"));

    CliProcess.Result result =
        CliProcess.run(temp, "verify", "--manifest", "rp/manifest.json", "--format", "markdown");

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "# Decision Gate Runpack Verification\n\n- Status: fail\n- Checked files: 7\n\n"
            + "## Errors\n- hash mismatch for artifacts/triggers.json\n"
            + "- artifact read failed for x\\u000a- None\\u000d\\u000a## Errors: unsafe path: contains"
            + " a control character (U+000A)\n"
            + "- root hash mismatch\n\n",
        result.out());
  }

  @Test
  void manifestOutsideTheRunpackDirectoryIsRefused() throws IOException {
    tampered();
    Files.createDirectories(temp.resolve("elsewhere"));
    Files.copy(temp.resolve("rp/manifest.json"), temp.resolve("elsewhere/manifest.json"));

    CliProcess.run(temp, "verify", "--manifest", "elsewhere/manifest.json", "--runpack-dir", "rp")
        .assertFailure(
            2,
            "invalid_request",
            "manifest elsewhere/manifest.json is not inside the runpack directory rp");
  }

  @Test
  void runpackDirectoryWithADirectoryArgumentIsRefused() {
    CliProcess.run(temp, "verify", "rp", "--runpack-dir", "rp")
        .assertFailure(
            2,
            "invalid_request",
            "--runpack-dir is for --manifest PATH (Decision Gate's form); with a runpack"
                + " argument, --manifest names the manifest inside it");
  }

  @Test
  void neitherRunpackNorManifestIsRefused() {
    CliProcess.run(temp, "verify", "--format", "markdown")
        .assertFailure(
            2, "invalid_request", "give a runpack DIR|s3://BUCKET/PREFIX/, or --manifest PATH");
  }

  @Test
  void markdownWithAPublicKeyIsRefused() {
    CliProcess.run(
            temp,
            "verify",
            "--manifest",
            manifestOf("golden_time_after_pass"),
            "--format",
            "markdown",
            "--public-key",
            "key.pem")
        .assertFailure(
            2,
            "invalid_request",
            "--format markdown is Decision Gate's report, which has no signature: use json or"
                + " text with --public-key");
  }
}

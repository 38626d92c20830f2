package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.model.Limits;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each failure class: its exit code, one JSON line on stderr, nothing on stdout, no stack trace.
 */
class FailuresIT {

  @TempDir Path temp;

  private String store() {
    return Fixtures.root().resolve("store").toString();
  }

  private String request() {
    return Fixtures.request("golden_time_after_pass").toString();
  }

  @Test
  void aMistypedOptionOrCommandIsAnsweredWithWhatWasMeant() {
    CliProcess.run(temp, "export", "--reqest", "r.json")
        .assertFailure(
            2,
            "invalid_request",
            "Unknown options: '--reqest', 'r.json'; did you mean --request or --region or --replace?"
                + " (usage: runpack help export)");
    CliProcess.run(temp, "verfy", "rp")
        .assertFailure(
            2,
            "invalid_request",
            "Unmatched arguments from index 0: 'verfy', 'rp'; did you mean verify? (usage: runpack"
                + " help)");
  }

  @Test
  void awsOptionsForARunpackOnDiskAreRefusedNotIgnored() {
    Path runpack = Fixtures.copyTree(Fixtures.golden("golden_time_after_pass"), temp.resolve("rp"));
    CliProcess.run(temp, "verify", runpack.toString(), "--endpoint", "http://127.0.0.1:9")
        .assertFailure(
            2,
            "invalid_request",
            "--endpoint is for a runpack in S3 (s3://BUCKET/PREFIX/), not for " + runpack);
    CliProcess.run(
            temp, "report", runpack.toString(), "--html", "page.html", "--region", "eu-west-1")
        .assertFailure(
            2,
            "invalid_request",
            "--region is for a runpack in S3 (s3://BUCKET/PREFIX/), not for " + runpack);
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliProcess.run(temp, "verify", "x", "--colour")
        .assertFailure(
            2, "invalid_request", "Unknown option: '--colour' (usage: runpack help verify)");
  }

  @Test
  void missingCommandIsAUsageError() {
    CliProcess.run(temp)
        .assertFailure(
            2,
            "invalid_request",
            "a command is required: export, verify, pretty, report, sign, keygen, canonicalize, import or help"
                + " (usage: runpack help)");
  }

  @Test
  void missingRequestFileIsInvalidInput() {
    CliProcess.run(temp, "export", "--request", "nope.json")
        .assertFailure(2, "file_not_found", "cannot read request nope.json: no such file");
  }

  @Test
  void requestThatIsNotJsonIsInvalidInput() throws IOException {
    Files.writeString(temp.resolve("r.json"), "{\"tenant_id\":");
    CliProcess.run(temp, "export", "--request", "r.json")
        .assertFailureStartingWith(2, "invalid_json", "Unexpected end of the JSON text");
  }

  @Test
  void requestThatBreaksTheSchemaIsInvalidInput() throws IOException {
    Files.writeString(
        temp.resolve("r.json"),
        Files.readString(Path.of(request())).replace("\"tenant_id\": 1", "\"tenant_id\": 0"));
    CliProcess.run(temp, "export", "--request", "r.json", "--runs", store(), "--output-dir", "out")
        .assertFailure(
            2,
            "invalid_request",
            "request does not match the runpack_export input schema: $.tenant_id: must have a"
                + " minimum value of 1");
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void oversizedRequestIsInvalidInput() throws IOException {
    Files.write(temp.resolve("r.json"), new byte[Limits.MAX_REQUEST_BYTES + 1]);
    CliProcess.run(temp, "export", "--request", "r.json")
        .assertFailure(2, "limit_exceeded", "request exceeds the limit of 65536 bytes");
  }

  @Test
  void devPermissiveWithoutAuthorityIsAUsageError() {
    CliProcess.run(
            temp,
            "export",
            "--request",
            request(),
            "--runs",
            store(),
            "--output-dir",
            "out",
            "--dev-permissive")
        .assertFailure(2, "invalid_request", "--dev-permissive needs --namespace-authority");
  }

  @Test
  void unknownRunFailsWithExitThree() throws IOException {
    Files.createDirectories(temp.resolve("runs/1/1"));
    CliProcess.run(temp, "export", "--request", request(), "--output-dir", "out")
        .assertFailure(
            3,
            "run_not_found",
            "no run for tenant 1, namespace 1, run run-1 (no run bundle 1/1/run-1.json)");
  }

  @Test
  void specHashMismatchFailsWithExitThreeAndWritesNothing() throws IOException {
    String bundle =
        new String(
            Fixtures.read(Fixtures.runBundle("golden_time_after_pass")), StandardCharsets.UTF_8);
    Fixtures.write(
        temp.resolve("runs/1/1/run-1.json"),
        bundle
            .replace("\"check_id\": \"after\"", "\"check_id\": \"before\"")
            .getBytes(StandardCharsets.UTF_8));
    CliProcess.run(temp, "export", "--request", request(), "--output-dir", "out")
        .assertFailureStartingWith(3, "spec_hash_mismatch", "run state spec hash mismatch");
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void missingManifestFailsWithExitThree() throws IOException {
    Files.createDirectories(temp.resolve("empty"));
    CliProcess.run(temp, "verify", "empty")
        .assertFailure(3, "invalid_manifest", "cannot read manifest manifest.json: no such file");
  }

  @Test
  void missingRunpackDirectoryIsAMissingFile() {
    CliProcess.run(temp, "verify", "nowhere")
        .assertFailure(2, "file_not_found", "runpack directory nowhere does not exist");
  }

  @Test
  void aFileGivenAsTheRunpackDirectoryIsSaidToBeNoDirectory() throws IOException {
    Files.writeString(temp.resolve("manifest.json"), "{}");
    CliProcess.run(temp, "verify", "manifest.json")
        .assertFailure(2, "file_not_found", "runpack directory manifest.json is not a directory");
  }

  @Test
  void rootPrefixWithoutBucketIsAUsageError() {
    CliProcess.run(temp, "export", "--request", request(), "--root-prefix", "p")
        .assertFailure(2, "invalid_request", "--root-prefix needs --bucket");
  }

  @Test
  void runsAndTableTogetherAreAUsageError() {
    CliProcess.run(temp, "export", "--request", request(), "--runs", "r", "--table", "t")
        .assertFailureStartingWith(
            2,
            "invalid_request",
            "Error: --runs=DIR, --table=NAME are mutually exclusive (specify only one) (usage: runpack"
                + " help export)");
  }

  @Test
  void unsafeManifestNameIsInvalidInput() {
    CliProcess.run(temp, "verify", ".", "--manifest", "../m.json")
        .assertFailure(
            2,
            "invalid_request",
            "invalid runpack path \\\"../m.json\\\": has a \\\"..\\\" component");
  }

  @Test
  void invalidJsonToCanonicalizeIsInvalidInput() {
    CliProcess.run(temp, "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), "canonicalize")
        .assertFailure(2, "invalid_json", "duplicate key \\\"a\\\" at line 1, column 8");
  }

  @Test
  void nonCanonicalizableJsonIsInvalidInput() {
    CliProcess.run(temp, "[1e400]".getBytes(StandardCharsets.UTF_8), "canonicalize")
        .assertFailure(2, "invalid_json", "number 1e400 overflows a double");
  }

  @Test
  void debugShowsTheStackTrace() throws IOException {
    Files.createDirectories(temp.resolve("empty"));
    CliProcess.Result result = CliProcess.run(temp, "verify", "empty", "--debug");
    assertEquals(3, result.exitCode());
    assertTrue(result.stderr().contains("\tat io.runpack."), result.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"export", "verify", "canonicalize", "import"})
  void everyCommandHasHelp(String command) {
    CliProcess.Result result = CliProcess.run(temp, command, "--help");
    assertEquals(0, result.exitCode());
    assertTrue(result.out().startsWith("Usage: runpack " + command), result.out());
    assertFalse(result.out().contains("-V"), "the version is runpack's option: " + result.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"export", "verify", "canonicalize", "import"})
  void helpCommandShowsEachCommandsHelp(String command) {
    CliProcess.Result result = CliProcess.run(temp, "help", command);
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(CliProcess.run(temp, command, "--help").out(), result.out());
  }

  @Test
  void helpAloneListsTheCommands() {
    CliProcess.Result result = CliProcess.run(temp, "help");
    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.out().startsWith("Usage: runpack"), result.out());
    for (String command : new String[] {"export", "verify", "canonicalize", "import", "help"}) {
      assertTrue(result.out().contains("\n  " + command + " "), command + " in " + result.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V"})
  void versionIsPrinted(String option) {
    CliProcess.Result result = CliProcess.run(temp, option);
    assertEquals(0, result.exitCode());
    assertTrue(result.out().matches("runpack \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), result.out());
  }

  /**
   * The version is an option of {@code runpack} only: on a subcommand (given everything it
   * requires) it is an unknown option, a usage error, never an exit 0 from a command that did
   * nothing.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "export --request r.json",
        "verify rp",
        "pretty --manifest m.json --output-dir out",
        "report rp --html r.html",
        "sign rp --signing-key k",
        "keygen --private-key k --public-key k.pub",
        "canonicalize",
        "import --table t b.json"
      })
  void versionOnASubcommandIsAUsageError(String commandLine) {
    String command = commandLine.split(" ")[0];
    for (String option : new String[] {"-V", "--version"}) {
      CliProcess.run(temp, (commandLine + " " + option).split(" "))
          .assertFailure(
              2,
              "invalid_request",
              "Unknown option: '" + option + "' (usage: runpack help " + command + ")");
    }
  }

  @Test
  void versionDoesNotTurnAFailedVerificationIntoAPass() throws IOException {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Files.writeString(runpack.resolve("artifacts/triggers.json"), "[]");
    assertEquals(1, CliProcess.run(temp, "verify", runpack.toString()).exitCode());

    CliProcess.run(temp, "verify", runpack.toString(), "-V")
        .assertFailure(2, "invalid_request", "Unknown option: '-V' (usage: runpack help verify)");
    CliProcess.run(temp, "report", runpack.toString(), "--html", "r.html", "--version")
        .assertFailure(
            2, "invalid_request", "Unknown option: '--version' (usage: runpack help report)");
    assertFalse(Files.exists(temp.resolve("r.html")), "no page written");
    for (String option : new String[] {"-V", "--version"}) {
      CliProcess.run(temp, option, "verify", runpack.toString())
          .assertFailure(
              2,
              "invalid_request",
              "--version is an option of runpack alone, not of a command: runpack --version"
                  + " (usage: runpack help)");
    }
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code runpack verify}, run as a process: references pass, tampered copies fail with exit 1. */
class VerifyCommandIT {

  @TempDir Path temp;

  static Stream<Path> references() {
    return Stream.concat(
        Fixtures.LABELS.stream().map(Fixtures::golden), Stream.of(Fixtures.backcompat()));
  }

  @ParameterizedTest
  @MethodSource("references")
  void referenceRunpacksPass(Path runpack) {
    CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("{\"checked_files\":8,\"errors\":[],\"status\":\"pass\"}\n", result.out());
    assertEquals("", result.stderr());
  }

  @Test
  void tamperedRunpackFailsWithDecisionGatesMessagesAndExitOne() throws IOException {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Files.writeString(runpack.resolve("artifacts/triggers.json"), "[]");
    Files.delete(runpack.resolve("artifacts/packets.json"));

    CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());

    assertEquals(1, result.exitCode());
    assertEquals(
        "{\"checked_files\":7,\"errors\":[\"hash mismatch for artifacts/triggers.json\","
            + "\"artifact read failed for artifacts/packets.json: no such file\"],\"status\":\"fail\"}\n",
        result.out());
  }

  @Test
  void textFormatIsAReadableSummary() throws IOException {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Files.writeString(runpack.resolve("artifacts/triggers.json"), "[]");

    CliProcess.Result failed =
        CliProcess.run(temp, "verify", runpack.toString(), "--format", "text");
    CliProcess.Result passed =
        CliProcess.run(temp, "verify", Fixtures.backcompat().toString(), "--format", "text");

    assertEquals(1, failed.exitCode());
    assertEquals(
        "runpack FAILED: 8 files checked, 1 error\n  - hash mismatch for artifacts/triggers.json\n"
            + "signature: not checked (no --public-key)\n",
        failed.out());
    assertEquals(0, passed.exitCode());
    assertEquals(
        "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n",
        passed.out());
  }

  @Test
  void textFormatEscapesControlCharactersFromHostileManifests() throws IOException {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Path manifest = runpack.resolve("manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("\"path\":\"artifacts/packets.json\"}", "\"path\":\"x\\u001b[2Jy\"}"));

    CliProcess.Result result =
        CliProcess.run(temp, "verify", runpack.toString(), "--format", "text");

    assertEquals(1, result.exitCode());
    assertEquals(
        true,
        result
            .out()
            .contains(
                "artifact read failed for x\\u001b[2Jy: unsafe path: contains a control character"
                    + " (U+001B)"),
        result.out());
    assertEquals(false, result.out().contains("\u001b"));
  }

  @Test
  void customManifestNameIsVerified() throws IOException {
    Path runpack = Fixtures.copyTree(Fixtures.golden("golden_time_after_pass"), temp.resolve("rp"));
    Files.move(runpack.resolve("manifest.json"), runpack.resolve("run-1.manifest.json"));

    CliProcess.Result result =
        CliProcess.run(temp, "verify", runpack.toString(), "--manifest", "run-1.manifest.json");

    assertEquals(0, result.exitCode(), result.stderr());
  }
}

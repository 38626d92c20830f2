package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runpack export --runs DIR} with no such directory is the caller's mistake, not the
 * store's: {@code file_not_found}, exit 2, and nothing written.
 */
class ExportMissingRunStoreIT {

  @TempDir Path temp;

  @Test
  void aMissingRunStoreDirectoryIsFileNotFoundWithExitTwo() {
    Path missing = temp.resolve("no-such-runs");

    CliProcess.run(
            temp,
            "export",
            "--request",
            Fixtures.request("golden_time_after_pass").toString(),
            "--runs",
            missing.toString(),
            "--output-dir",
            "out")
        .assertFailure(2, "file_not_found", "run store directory " + missing + " does not exist");
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void aRunStoreThatIsAFileIsSaidToBeOne() throws IOException {
    Path file = Files.writeString(temp.resolve("runs.json"), "{}");

    CliProcess.run(
            temp,
            "export",
            "--request",
            Fixtures.request("golden_time_after_pass").toString(),
            "--runs",
            file.toString(),
            "--output-dir",
            "out")
        .assertFailure(2, "file_not_found", "run store directory " + file + " is not a directory");
    assertFalse(Files.exists(temp.resolve("out")));
  }
}

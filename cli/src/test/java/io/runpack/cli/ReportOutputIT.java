package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code runpack report} writes its page: the same runpack gives the same bytes; a page is
 * replaced whole; a target that cannot be written, or a runpack without a readable manifest, is a
 * typed failure that writes nothing and leaves no temporary file.
 */
class ReportOutputIT {

  @TempDir Path temp;

  @Test
  void theSameRunpackGivesTheSameBytes() throws Exception {
    Path runpack = Reports.exampleRunpack(temp);
    Files.writeString(temp.resolve("page.html"), "an older page");

    CliProcess.Result first =
        CliProcess.run(temp, "report", runpack.toString(), "--html", "page.html");
    byte[] page = Files.readAllBytes(temp.resolve("page.html"));
    CliProcess.Result second =
        CliProcess.run(temp, "report", runpack.toString(), "--html", "page.html");

    assertEquals(0, first.exitCode(), first.stderr());
    assertEquals(0, second.exitCode(), second.stderr());
    assertArrayEquals(page, Files.readAllBytes(temp.resolve("page.html")));
    assertTrue(new String(page, StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>\n"));
    assertEquals(List.of("example", "page.html"), listing(temp));
  }

  @Test
  void aMissingDirectoryIsInvalidInputAndNothingIsVerified() {
    Path runpack = Reports.exampleRunpack(temp);

    CliProcess.Result result =
        CliProcess.run(temp, "report", runpack.toString(), "--html", "nowhere/page.html");

    result.assertFailure(
        2, "invalid_request", "no such directory for --html: " + temp.resolve("nowhere"));
  }

  @Test
  void aDirectoryIsNotAPage() {
    Path runpack = Reports.exampleRunpack(temp);

    CliProcess.Result result =
        CliProcess.run(temp, "report", runpack.toString(), "--html", runpack.toString());

    result.assertFailure(2, "invalid_request", "--html names a directory, not a file: " + runpack);
  }

  @Test
  void aRunpackWithoutAManifestFailsAsVerifyDoesAndWritesNothing() throws Exception {
    Path runpack = Reports.exampleRunpack(temp);
    Files.delete(runpack.resolve("manifest.json"));
    Files.writeString(temp.resolve("page.html"), "an older page");

    CliProcess.Result report =
        CliProcess.run(temp, "report", runpack.toString(), "--html", "page.html");
    CliProcess.Result verify = CliProcess.run(temp, "verify", runpack.toString());

    assertEquals(3, report.exitCode(), report.stderr());
    assertEquals(verify.stderr(), report.stderr());
    assertEquals("", report.out());
    assertEquals("an older page", Files.readString(temp.resolve("page.html")));
    assertEquals(List.of("example", "page.html"), listing(temp));
  }

  @Test
  void theHtmlOptionIsRequired() {
    Path runpack = Reports.exampleRunpack(temp);

    CliProcess.Result result = CliProcess.run(temp, "report", runpack.toString());

    result.assertFailure(2, "invalid_request", "Missing required option: '--html=FILE'");
    assertFalse(Files.exists(temp.resolve("page.html")));
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

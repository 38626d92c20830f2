package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code runpack report} writes its page: the same runpack gives the same bytes; a page is
 * replaced whole, with the default permissions under the caller's umask; a target that cannot be
 * written, is not a regular file (a link, a FIFO) or lies inside the runpack read, or a runpack
 * without a readable manifest, is a typed failure that writes nothing, changes nothing and leaves
 * no temporary file.
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
  void aLinkOrAFifoIsLeftAsItIsNotReplacedByThePage() throws Exception {
    Path runpack = Reports.exampleRunpack(temp);
    Path elsewhere = Files.writeString(temp.resolve("elsewhere.txt"), "not a page");
    Path link = Files.createSymbolicLink(temp.resolve("link.html"), elsewhere);
    Path fifo = temp.resolve("fifo.html");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

    CliProcess.run(temp, "report", runpack.toString(), "--html", "link.html")
        .assertFailure(
            2,
            "invalid_request",
            "--html names a symbolic link, not a regular file, which is left as it is: " + link);
    CliProcess.run(temp, "report", runpack.toString(), "--html", "fifo.html")
        .assertFailure(
            2,
            "invalid_request",
            "--html names a device, FIFO or socket, not a regular file, which is left as it is: "
                + fifo);

    assertTrue(Files.isSymbolicLink(link));
    assertEquals("not a page", Files.readString(elsewhere));
    assertTrue(
        Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
    assertEquals(List.of("elsewhere.txt", "example", "fifo.html", "link.html"), listing(temp));
  }

  @Test
  void nothingIsWrittenInsideTheRunpackRead() throws Exception {
    Path runpack = Reports.exampleRunpack(temp);
    List<String> before = listing(runpack);
    byte[] manifest = Files.readAllBytes(runpack.resolve("manifest.json"));

    for (String target : List.of("manifest.json", "page.html", "artifacts/page.html")) {
      Path file = runpack.resolve(target);
      CliProcess.run(temp, "report", runpack.toString(), "--html", file.toString())
          .assertFailure(
              2,
              "invalid_request",
              "--html names a file inside the runpack being read, which is left as it is: " + file);
    }

    assertArrayEquals(manifest, Files.readAllBytes(runpack.resolve("manifest.json")));
    assertEquals(before, listing(runpack));
    assertEquals(0, CliProcess.run(temp, "verify", runpack.toString()).exitCode());
  }

  @Test
  void thePageHasTheDefaultPermissionsUnderTheUmask() throws Exception {
    Path runpack = Reports.exampleRunpack(temp);

    Process report =
        new ProcessBuilder(
                "bash",
                "-c",
                "umask 077 && exec \"$0\" -jar \"$1\" report \"$2\" --html page.html",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CliProcess.JAR.toAbsolutePath().toString(),
                runpack.toString())
            .directory(temp.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, report.waitFor(), output);
    assertEquals(
        PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(temp.resolve("page.html")));
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

    result.assertFailure(
        2,
        "invalid_request",
        "Missing required option: '--html=FILE' (usage: runpack help report)");
    assertFalse(Files.exists(temp.resolve("page.html")));
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

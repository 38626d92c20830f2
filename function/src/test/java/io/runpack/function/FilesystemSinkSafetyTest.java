package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 through the function's filesystem sink (the same storage as the CLI): an output
 * directory holding another runpack is refused with {@code Conflict} and left untouched, the same
 * runpack again is accepted without writing, a symbolic link inside the output base cannot lead a
 * write outside it, and an {@code output_dir} that cannot be a path is {@code InvalidRequest}. (The
 * function's output_dirs lie in the tenant's root inside the base: issue 18.) Refusals name the
 * {@code output_dir} as the caller wrote it, never the server's directories.
 */
@QuarkusTest
@TestProfile(FilesystemProfileTest.Filesystem.class)
class FilesystemSinkSafetyTest {

  /** Tenant 1's, namespace 1's root in the output base, where its output_dirs lie. */
  static final Path BASE = FilesystemProfileTest.BASE.resolve("tenant/1/namespace/1");

  @Test
  void conflictingExportIsRefusedAndTouchesNothing() throws IOException {
    assertEquals(200, invoke("golden_time_after_pass", "\"conflict/run\"").statusCode());
    Map<String, String> before = identities(BASE.resolve("conflict/run"));

    Response response = invoke("golden_visibility_packet", "\"conflict/run\"");

    assertEquals(500, response.statusCode());
    assertEquals("runpack.Conflict", response.jsonPath().getString("errorType"));
    assertEquals(
        "conflict: output_dir \"conflict/run\" already holds something else, left untouched:"
            + " artifacts/decisions.json holds different bytes",
        response.jsonPath().getString("errorMessage"));
    assertEquals(before, identities(BASE.resolve("conflict/run")));
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden("golden_time_after_pass"));
    Map<String, byte[]> written = Fixtures.readTree(BASE.resolve("conflict/run"));
    assertEquals(expected.keySet(), written.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, written.get(path), path));
    assertEquals(List.of("run"), names(BASE.resolve("conflict")), "no staging left");
  }

  @Test
  void sameRunpackAgainIsAcceptedWithoutWriting() throws IOException {
    Response first = invoke("golden_time_after_pass", "\"again/run\"");
    Map<String, String> before = identities(BASE.resolve("again/run"));

    Response second = invoke("golden_time_after_pass", "\"again/run\"");

    assertEquals(200, second.statusCode(), second.asString());
    assertEquals(first.asString(), second.asString());
    assertEquals(before, identities(BASE.resolve("again/run")));
  }

  @Test
  void symbolicLinkInsideTheBaseCannotLeadAWriteOutside() throws IOException {
    Path outside = Files.createTempDirectory("runpack-outside").toRealPath();
    Files.createDirectories(BASE);
    Files.createSymbolicLink(BASE.resolve("evil"), outside);

    for (String dir : List.of("evil", "evil/run")) {
      Response response = invoke("golden_time_after_pass", "\"" + dir + "\"");

      assertEquals("runpack.InvalidRequest", response.jsonPath().getString("errorType"));
      assertEquals(
          "invalid_request: output_dir must lie inside its base directory: \""
              + dir
              + "\" leads outside it through a symbolic link",
          response.jsonPath().getString("errorMessage"));
    }
    assertEquals(List.of(), names(outside));
  }

  @Test
  void refusalsNameTheOutputDirNeverTheServersDirectories() throws IOException {
    Files.createDirectories(BASE);
    Files.writeString(BASE.resolve("plain-file"), "x");
    Files.createDirectories(BASE.resolve("not-a-dir-target"));
    Files.writeString(BASE.resolve("not-a-dir-target/file"), "x");

    Map<String, String> expected =
        Map.of(
            "\"plain-file/run\"",
            "invalid_request: output_dir \"plain-file/run\" passes through plain-file, which is"
                + " not a directory",
            "\"not-a-dir-target/file\"",
            "conflict: output_dir \"not-a-dir-target/file\" already exists and is not a directory");
    expected.forEach(
        (dir, message) -> {
          Response response = invoke("golden_time_after_pass", dir);
          String actual = response.jsonPath().getString("errorMessage");
          assertEquals(message, actual, dir);
          String base = FilesystemProfileTest.BASE.toString();
          assertFalse(actual.contains(base), actual);
        });
  }

  @Test
  void loneSurrogateOutputDirIsAnInvalidRequest() {
    Response response = invoke("golden_time_after_pass", "\"\\ud800\"");

    assertEquals(
        "runpack.InvalidRequest", response.jsonPath().getString("errorType"), response.asString());
    assertEquals(
        "invalid_request: output_dir is not well-formed Unicode (lone surrogate)",
        response.jsonPath().getString("errorMessage"));
  }

  private static Response invoke(String label, String outputDirJson) {
    String request =
        new String(Fixtures.read(Fixtures.request(label)), StandardCharsets.UTF_8)
            .replace("\"output_dir\": null", "\"output_dir\": " + outputDirJson);
    return FunctionTestSupport.invoke(request);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Each entry's inode and modification time: unchanged when nothing was written. */
  private static Map<String, String> identities(Path dir) throws IOException {
    Map<String, String> identities = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        identities.put(dir.relativize(p).toString(), a.fileKey() + "@" + a.lastModifiedTime());
      }
    }
    return identities;
  }
}

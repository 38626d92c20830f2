package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 7 ({@code output_dir}): an output directory that cannot be a path, or cannot be
 * where a runpack is moved into place, is {@code invalid_request} with exit 2 and a message naming
 * it, never an internal error; nothing is written.
 */
class OutputDirIT {

  static final String LABEL = "golden_time_after_pass";

  @TempDir Path temp;
  Path store;

  @BeforeEach
  void storeRun() {
    store = temp.resolve("runs");
    new LocalRunpack(store, null).putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
  }

  @Test
  void loneSurrogateInOutputDirIsAnInvalidRequest() throws IOException {
    Path request = requestWithOutputDir("\"\\ud800\"");

    CliProcess.run(temp, "export", "--request", request.toString(), "--runs", store.toString())
        .assertFailure(
            2, "invalid_request", "output_dir is not well-formed Unicode (lone surrogate)");
    assertEquals(List.of("request.json", "runs"), entries());
  }

  @Test
  void outputDirTheLocaleCannotEncodeIsAnInvalidRequest() throws IOException {
    Path request = requestWithOutputDir("\"d\\u00e9cision\"");

    CliProcess.Result result =
        BackgroundExport.startWithEnvironment(
                temp,
                java.util.Map.of("LC_ALL", "C", "LANG", "C"),
                "export",
                "--request",
                request.toString(),
                "--runs",
                store.toString())
            .await();

    result.assertFailureStartingWith(
        2, "invalid_request", "output_dir \\\"d\u00e9cision\\\" cannot be a path on this system");
    assertEquals(List.of("request.json", "runs"), entries());
  }

  @Test
  void workingDirectoryAsOutputDirIsAnInvalidRequest() throws IOException {
    CliProcess.run(
            temp,
            "export",
            "--request",
            Fixtures.request(LABEL).toString(),
            "--runs",
            store.toString(),
            "--output-dir",
            ".")
        .assertFailureStartingWith(
            2, "invalid_request", "output_dir " + temp.toRealPath() + " is the working directory");
  }

  Path requestWithOutputDir(String json) throws IOException {
    String request =
        new String(Fixtures.read(Fixtures.request(LABEL)), StandardCharsets.UTF_8)
            .replace("\"output_dir\": null", "\"output_dir\": " + json);
    return Files.writeString(temp.resolve("request.json"), request, StandardCharsets.UTF_8);
  }

  List<String> entries() throws IOException {
    try (var list = Files.list(temp)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, findings 2 and 3, with {@code runpack} processes: an export into a directory that
 * already holds a runpack never modifies it. The same runpack again succeeds without writing;
 * anything else is a conflict naming the first difference, and {@code --replace} swaps the runpack
 * whole, leaving no stale report or second manifest.
 */
class ExistingRunpackIT {

  static final String RUN_X = "golden_time_after_pass";
  static final String RUN_Y = "golden_visibility_packet";

  @TempDir Path temp;
  Path store;

  @BeforeEach
  void storeRuns() {
    store = temp.resolve("runs");
    LocalRunpack local = new LocalRunpack(store, null);
    Fixtures.LABELS.forEach(label -> local.putBundle(Fixtures.read(Fixtures.runBundle(label))));
  }

  @Test
  void sameRunpackAgainSucceedsWithoutWriting() throws IOException {
    CliProcess.Result first = export(request(RUN_X), "out");
    Map<String, String> identities = ConcurrentExportIT.identities(temp.resolve("out"));

    CliProcess.Result again = export(request(RUN_X), "out");

    assertEquals(0, again.exitCode(), again.stderr());
    assertEquals(first.out(), again.out());
    assertEquals(identities, ConcurrentExportIT.identities(temp.resolve("out")));
  }

  @Test
  void anotherRunIntoAnExistingRunpackIsAConflictAndLeavesItUntouched() throws IOException {
    export(request(RUN_X), "out");
    Map<String, String> identities = ConcurrentExportIT.identities(temp.resolve("out"));

    export(request(RUN_Y), "out")
        .assertFailure(
            3,
            "conflict",
            "output_dir "
                + temp.toRealPath().resolve("out")
                + " already holds something else, left untouched: artifacts/decisions.json holds"
                + " different bytes");

    assertEquals(identities, ConcurrentExportIT.identities(temp.resolve("out")));
    ConcurrentExportIT.assertRunpack(
        Fixtures.readTree(Fixtures.golden(RUN_X)), temp.resolve("out"));
  }

  @Test
  void exportWithoutVerificationLeavesNoStaleReport() throws IOException {
    export(request(RUN_X), "out");
    Path bare =
        writeRequest(
            requestText(RUN_X)
                .replace("\"include_verification\": true", "\"include_verification\": false"));

    export(bare, "out").assertFailureStartingWith(3, "conflict", "output_dir ");
    CliProcess.Result replaced = export(bare, "out", "--replace");

    assertEquals(0, replaced.exitCode(), replaced.stderr());
    assertEquals(0, export(bare, "single").exitCode());
    ConcurrentExportIT.assertRunpack(
        Fixtures.readTree(temp.resolve("single")), temp.resolve("out"));
    CliProcess.Result verify = CliProcess.run(temp, "verify", "out");
    assertEquals("{\"checked_files\":7,\"errors\":[],\"status\":\"pass\"}\n", verify.out());
  }

  @Test
  void anotherManifestNameLeavesOneManifest() throws IOException {
    export(request(RUN_X), "out");
    Path renamed = writeRequest(requestText(RUN_X).replace("\"manifest.json\"", "\"audit.json\""));

    export(renamed, "out")
        .assertFailure(
            3,
            "conflict",
            "output_dir "
                + temp.toRealPath().resolve("out")
                + " already holds something else, left untouched: audit.json is missing");
    CliProcess.Result replaced = export(renamed, "out", "--replace");

    assertEquals(0, replaced.exitCode(), replaced.stderr());
    List<String> manifests =
        Fixtures.readTree(temp.resolve("out")).keySet().stream()
            .filter(p -> !p.startsWith("artifacts/"))
            .toList();
    assertEquals(List.of("audit.json"), manifests);
    assertEquals(List.of(), CrashAndModesIT.hidden(temp), "the old runpack is deleted");
  }

  @Test
  void replaceRefusesADirectoryThatIsNotARunpack() throws IOException {
    Files.createDirectories(temp.resolve("out"));
    Files.writeString(temp.resolve("out/notes.txt"), "mine");

    export(request(RUN_X), "out", "--replace")
        .assertFailure(
            3,
            "conflict",
            "output_dir "
                + temp.toRealPath().resolve("out")
                + " is not replaced: only a runpack is replaced, and notes.txt is not a JSON file"
                + " of a runpack");
    assertEquals("mine", Files.readString(temp.resolve("out/notes.txt")));
  }

  CliProcess.Result export(Path request, String outputDir, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "export",
                "--request",
                request.toString(),
                "--runs",
                store.toString(),
                "--output-dir",
                outputDir,
                "--namespace-authority",
                "dg_registry"));
    args.addAll(List.of(extra));
    return CliProcess.run(temp, args.toArray(String[]::new));
  }

  Path request(String label) {
    return Fixtures.request(label);
  }

  static String requestText(String label) {
    return new String(Fixtures.read(Fixtures.request(label)), StandardCharsets.UTF_8);
  }

  Path writeRequest(String json) throws IOException {
    Path file = Files.createTempFile(temp, "request", ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}

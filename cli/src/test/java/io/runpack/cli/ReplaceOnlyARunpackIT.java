package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --replace}, run as a process, replaces only a runpack and never the export's own
 * inputs: a directory that holds the run store, the request, the spec or the state the export reads
 * is refused with {@code invalid_request} (exit 2), one without a runpack manifest with {@code
 * conflict} (exit 3), and either is left byte for byte, inode for inode as it was.
 */
class ReplaceOnlyARunpackIT {

  static final Path EXAMPLES = ExportCommandIT.EXAMPLES;
  static final String REQUEST = EXAMPLES.resolve("requests/release-2026-11-26.json").toString();

  @TempDir Path temp;

  @Test
  void replacingTheDirectoryThatHoldsTheRunStoreIsRefusedAndDeletesNothing() throws IOException {
    Path c = temp.resolve("c");
    Fixtures.copyTree(EXAMPLES.resolve("runs"), c.resolve("runs"));
    Untouched before = Untouched.of(c);

    CliProcess.run(
            temp,
            "export",
            "--request",
            REQUEST,
            "--runs",
            "c/runs",
            "--output-dir",
            "c",
            "--replace")
        .assertFailure(
            2,
            "invalid_request",
            "output_dir "
                + c.toRealPath()
                + " is not replaced: it holds "
                + c.toRealPath().resolve("runs")
                + ", which this export reads");
    before.assertUnchanged();
  }

  @Test
  void replacingADirectoryOfJsonFilesWithoutARunpackManifestIsRefusedAndDeletesNothing()
      throws IOException {
    Path c2 = temp.resolve("c2");
    Files.createDirectories(c2.resolve("sub"));
    Files.writeString(c2.resolve("settings.json"), "{\"important\":true}\n");
    Files.writeString(c2.resolve("sub/d.json"), "[1]\n");
    Files.writeString(c2.resolve("notes.json"), "not json\n");
    Untouched before = Untouched.of(c2);

    replace("c2")
        .assertFailure(
            3,
            "conflict",
            "output_dir "
                + c2.toRealPath()
                + " is not replaced: only a runpack is replaced, and it holds no runpack manifest"
                + " (manifest.json or runpack.json)");
    before.assertUnchanged();
  }

  @Test
  void aManifestJsonThatIsNotARunpackManifestIsNotReplaced() throws IOException {
    Path app = temp.resolve("app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("manifest.json"), "{\"name\":\"my app\"}");
    Untouched before = Untouched.of(app);

    replace("app")
        .assertFailure(
            3,
            "conflict",
            "output_dir "
                + app.toRealPath()
                + " is not replaced: only a runpack is replaced, and manifest.json is not a"
                + " runpack manifest: manifest has unknown member \\\"name\\\"");
    before.assertUnchanged();
  }

  @Test
  void aRunpackThatHoldsTheRunStoreItIsExportedFromIsNotReplaced() throws IOException {
    assertEquals(0, export("out").exitCode());
    Fixtures.copyTree(EXAMPLES.resolve("runs"), temp.resolve("out/runs"));
    Files.createSymbolicLink(temp.resolve("link"), temp.resolve("out"));
    Untouched before = Untouched.of(temp.resolve("out"));

    CliProcess.run(
            temp,
            "export",
            "--request",
            REQUEST,
            "--runs",
            "link/runs/../runs",
            "--output-dir",
            "out",
            "--replace")
        .assertFailure(
            2,
            "invalid_request",
            "output_dir "
                + temp.toRealPath().resolve("out")
                + " is not replaced: it holds "
                + temp.toRealPath().resolve("out/runs")
                + ", which this export reads");
    before.assertUnchanged();
  }

  @Test
  void decisionGateFormDoesNotReplaceTheDirectoryHoldingItsSpecAndState() throws IOException {
    Path d = temp.resolve("d");
    DecisionGateFiles.writeSpecAndState("golden_time_after_pass", d);
    Untouched before = Untouched.of(d);

    decisionGateExport()
        .assertFailure(
            2,
            "invalid_request",
            "output_dir "
                + d.toRealPath()
                + " is not replaced: it holds "
                + d.toRealPath().resolve("spec.json")
                + ", which this export reads");
    before.assertUnchanged();
  }

  @Test
  void decisionGateFormDoesNotReplaceARunpackHoldingItsSpecAndState() throws IOException {
    DecisionGateFiles.writeSpecAndState("golden_time_after_pass", temp);
    assertEquals(
        0,
        CliProcess.run(
                temp, "export", "--spec", "spec.json", "--state", "state.json", "--output-dir", "d")
            .exitCode());
    Path d = temp.resolve("d");
    Files.move(temp.resolve("spec.json"), d.resolve("spec.json"));
    Files.move(temp.resolve("state.json"), d.resolve("state.json"));
    Untouched before = Untouched.of(d);

    decisionGateExport()
        .assertFailure(
            2,
            "invalid_request",
            "output_dir "
                + d.toRealPath()
                + " is not replaced: it holds "
                + d.toRealPath().resolve("spec.json")
                + ", which this export reads");
    before.assertUnchanged();
  }

  CliProcess.Result decisionGateExport() {
    return CliProcess.run(
        temp,
        "export",
        "--spec",
        "d/spec.json",
        "--state",
        "d/state.json",
        "--output-dir",
        "d",
        "--generated-at-unix-ms",
        "1",
        "--replace");
  }

  CliProcess.Result replace(String outputDir) {
    return export(outputDir, "--replace");
  }

  CliProcess.Result export(String outputDir, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "export",
                "--request",
                REQUEST,
                "--runs",
                EXAMPLES.resolve("runs").toString(),
                "--output-dir",
                outputDir));
    args.addAll(List.of(extra));
    return CliProcess.run(temp, args.toArray(String[]::new));
  }

  /** A directory's files (bytes) and entries (inodes and times), to compare after a refusal. */
  record Untouched(Path dir, Map<String, byte[]> files, Map<String, String> identities) {

    static Untouched of(Path dir) throws IOException {
      return new Untouched(dir, Fixtures.readTree(dir), ConcurrentExportIT.identities(dir));
    }

    void assertUnchanged() throws IOException {
      Map<String, byte[]> now = Fixtures.readTree(dir);
      assertEquals(files.keySet(), now.keySet());
      files.forEach((path, bytes) -> assertArrayEquals(bytes, now.get(path), path));
      assertEquals(identities, ConcurrentExportIT.identities(dir));
      assertEquals(List.of(), CrashAndModesIT.hidden(dir.getParent()), "no staging left");
    }
  }
}

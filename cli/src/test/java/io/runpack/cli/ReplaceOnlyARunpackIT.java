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
 * {@code export --replace}, run as a process, replaces only a runpack: a directory without a
 * runpack manifest is refused with {@code conflict} (exit 3) and left byte for byte, inode for
 * inode as it was.
 */
class ReplaceOnlyARunpackIT {

  static final Path EXAMPLES = ExportCommandIT.EXAMPLES;
  static final String REQUEST = EXAMPLES.resolve("requests/release-2026-11-26.json").toString();

  @TempDir Path temp;

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

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 10, with {@code runpack} processes: runpacks are readable by whoever they are
 * handed to (0644 and 0755 under the usual umask, and the umask is obeyed), and an exporter killed
 * with {@code kill -9} leaves nothing that passes for a runpack; the next export of the same target
 * cleans up what it left.
 */
class CrashAndModesIT {

  static final String LABEL = "golden_time_after_pass";

  @TempDir Path temp;
  Path store;

  /** Exporters this test started: none outlives it, whatever it asserted. */
  final List<BackgroundExport> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(BackgroundExport::kill);
  }

  BackgroundExport background(Path pauseDir, String umask, String... args) {
    BackgroundExport exporter = BackgroundExport.start(temp, pauseDir, umask, args);
    started.add(exporter);
    return exporter;
  }

  @BeforeEach
  void storeRun() {
    store = temp.resolve("runs");
    new LocalRunpack(store, null).putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
  }

  @Test
  void filesAre0644AndDirectories0755UnderTheUsualUmask() throws IOException {
    CliProcess.Result result = background(null, "022", exportArgs("out")).await();
    assertEquals(0, result.exitCode(), result.stderr());

    Map<String, String> modes = modes(temp.resolve("out"));
    assertEquals("rwxr-xr-x", modes.remove(""));
    assertEquals("rwxr-xr-x", modes.remove("artifacts"));
    assertEquals(9, modes.size());
    modes.forEach((path, mode) -> assertEquals("rw-r--r--", mode, path));
  }

  @Test
  void aStricterUmaskIsObeyed() throws IOException {
    CliProcess.Result result = background(null, "027", exportArgs("out")).await();
    assertEquals(0, result.exitCode(), result.stderr());

    Map<String, String> modes = modes(temp.resolve("out"));
    assertEquals("rwxr-x---", modes.remove(""));
    assertEquals("rwxr-x---", modes.remove("artifacts"));
    modes.forEach((path, mode) -> assertEquals("rw-r-----", mode, path));
  }

  @Test
  void exporterKilledBeforeItsCommitLeavesNoRunpackAndTheNextExportCleansUp() throws IOException {
    Path pause = Files.createDirectories(temp.resolve("pause"));
    BackgroundExport killed = background(pause, null, exportArgs("out"));
    BackgroundExport.awaitPaused(pause, 1, killed);

    killed.kill();

    assertFalse(Files.exists(temp.resolve("out")), "the target never shows a staged runpack");
    List<String> debris = hidden(temp);
    assertEquals(2, debris.size(), debris.toString());
    assertTrue(debris.stream().allMatch(name -> name.startsWith(".runpack-")), debris.toString());
    CliProcess.Result verify = CliProcess.run(temp, "verify", "out");
    assertNotEquals(0, verify.exitCode(), verify.out());

    CliProcess.Result next = CliProcess.run(temp, exportArgs("out"));

    assertEquals(0, next.exitCode(), next.stderr());
    assertEquals(List.of(), hidden(temp), "the killed export's staging is gone");
    ConcurrentExportIT.assertRunpack(
        Fixtures.readTree(Fixtures.golden(LABEL)), temp.resolve("out"));
  }

  String[] exportArgs(String outputDir) {
    return new String[] {
      "export",
      "--request",
      Fixtures.request(LABEL).toString(),
      "--runs",
      store.toString(),
      "--output-dir",
      outputDir,
      "--namespace-authority",
      "dg_registry"
    };
  }

  static List<String> hidden(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("."))
          .sorted()
          .toList();
    }
  }

  /** The permissions of every entry below {@code dir} ("" for {@code dir} itself). */
  static Map<String, String> modes(Path dir) throws IOException {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        modes.put(
            dir.relativize(p).toString(),
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
      }
    }
    return modes;
  }
}

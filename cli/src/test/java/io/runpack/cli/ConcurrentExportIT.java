package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * Issue 12, finding 1, with {@code runpack} processes: exporters of one output directory racing
 * each other, forced by holding exporters just before their commit ({@code CommitPause}). Every
 * directory verifies and equals a single export byte for byte, and no export that exited 0 is
 * undone.
 */
class ConcurrentExportIT {

  static final String LABEL = "golden_time_after_pass";
  static final int ROUNDS = 20;
  static final int EXPORTERS = 3;

  @TempDir Path temp;
  Path store;
  Map<String, byte[]> golden;

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
    golden = Fixtures.readTree(Fixtures.golden(LABEL));
  }

  @Test
  void exporterHeldBeforeItsCommitWhileAnotherCompletesBothSucceed() throws IOException {
    Path pause = Files.createDirectories(temp.resolve("pause"));
    BackgroundExport held = background(pause, null, exportArgs("out"));
    BackgroundExport.awaitPaused(pause, 1, held);

    CliProcess.Result other = CliProcess.run(temp, exportArgs("out"));
    assertEquals(0, other.exitCode(), other.stderr());
    assertTree(golden, temp.resolve("out")); // the held exporter's staging is still beside it
    Map<String, String> committed = identities(temp.resolve("out"));
    BackgroundExport.resume(pause);
    CliProcess.Result late = held.await();

    assertEquals(0, late.exitCode(), late.stderr());
    assertEquals(other.out(), late.out(), "the same tool output");
    assertEquals(committed, identities(temp.resolve("out")), "the first runpack, untouched");
    assertRunpack(golden, temp.resolve("out"));
    CliProcess.Result verify = CliProcess.run(temp, "verify", "out");
    assertEquals("{\"checked_files\":8,\"errors\":[],\"status\":\"pass\"}\n", verify.out());
  }

  @Test
  void exporterHeldWhileADifferentRunpackIsCommittedGetsAConflictAndUndoesNothing()
      throws IOException {
    Path pause = Files.createDirectories(temp.resolve("pause"));
    BackgroundExport held = background(pause, null, exportArgs("out"));
    BackgroundExport.awaitPaused(pause, 1, held);

    CliProcess.Result other =
        CliProcess.run(
            temp,
            "export",
            "--request",
            Fixtures.request(LABEL).toString(),
            "--runs",
            store.toString(),
            "--output-dir",
            "out"); // no security context: another manifest
    assertEquals(0, other.exitCode(), other.stderr());
    Map<String, byte[]> winner = Fixtures.readTree(temp.resolve("out"));
    Map<String, String> committed = identities(temp.resolve("out"));
    BackgroundExport.resume(pause);

    held.await()
        .assertFailure(
            3,
            "conflict",
            "output_dir "
                + temp.toRealPath().resolve("out")
                + " already holds something else, left untouched: manifest.json holds different"
                + " bytes");
    assertEquals(committed, identities(temp.resolve("out")));
    assertRunpack(winner, temp.resolve("out"));
  }

  @Test
  void threeExportersReleasedAtOnceEveryRoundEqualASingleExport() throws IOException {
    for (int round = 0; round < ROUNDS; round++) {
      String target = "round-" + round;
      if (round % 2 == 1) {
        Files.createDirectories(temp.resolve(target)); // empty directories are replaced too
      }
      Path pause = Files.createDirectories(temp.resolve("pause-" + round));
      List<BackgroundExport> exporters = new ArrayList<>();
      for (int i = 0; i < EXPORTERS; i++) {
        exporters.add(background(pause, null, exportArgs(target)));
      }
      BackgroundExport.awaitPaused(pause, EXPORTERS, exporters.toArray(BackgroundExport[]::new));
      BackgroundExport.resume(pause);

      for (BackgroundExport exporter : exporters) {
        CliProcess.Result result = exporter.await();
        assertEquals(0, result.exitCode(), "round " + round + ": " + result.stderr());
      }
      assertRunpack(golden, temp.resolve(target));
    }
    for (int round = 0; round < ROUNDS; round++) {
      assertRunpack(golden, temp.resolve("round-" + round)); // no exit-0 export undone later
    }
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

  /** The directory equals {@code expected} byte for byte, verifies, and has no staging beside. */
  static void assertRunpack(Map<String, byte[]> expected, Path dir) throws IOException {
    assertTree(expected, dir);
    try (Stream<Path> entries = Files.list(dir.getParent())) {
      List<Path> hidden = entries.filter(p -> p.getFileName().toString().startsWith(".")).toList();
      assertEquals(List.of(), hidden, "no staging left beside " + dir);
    }
  }

  /** The directory equals {@code expected} byte for byte and verifies. */
  static void assertTree(Map<String, byte[]> expected, Path dir) {
    Map<String, byte[]> actual = Fixtures.readTree(dir);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    assertEquals("pass", LocalRunpack.verify(dir).status());
  }

  /** Each entry's inode and modification time. */
  static Map<String, String> identities(Path dir) throws IOException {
    Map<String, String> identities = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        identities.put(dir.relativize(p).toString(), a.fileKey() + "@" + a.lastModifiedTime());
      }
    }
    assertTrue(identities.size() > 1);
    return identities;
  }
}

package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 1, within one JVM: exports of one target started at the same instant all
 * succeed or get {@code conflict}, and the directory always holds one complete runpack that
 * verifies, equal byte for byte to a single export. (The same across processes: {@code
 * ConcurrentExportIT} in the CLI.)
 */
class ConcurrentExportTest {

  static final int THREADS = 6;
  static final int ROUNDS = 10;
  static final String LABEL = "golden_time_after_pass";

  @TempDir Path temp;
  Path store;
  ExecutorService pool;
  Map<String, byte[]> single;
  Map<String, byte[]> singleWithoutReport;

  @BeforeEach
  void setUp() {
    store = temp.resolve("store");
    new LocalRunpack(store, ExportSettings.NONE)
        .putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
    pool = Executors.newFixedThreadPool(THREADS);
    single = referenceExport(request(temp.resolve("single"), true));
    singleWithoutReport = referenceExport(request(temp.resolve("single-bare"), false));
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void simultaneousExportsOfTheSameRunpackAllSucceed() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Path target = temp.resolve("round-" + round);
      if (round % 2 == 1) {
        Files.createDirectories(target); // an empty directory is replaced the same way
      }
      List<Optional<ErrorCode>> outcomes =
          race(i -> export(request(target, true), ExistingRunpack.REFUSE));

      assertEquals(List.of(), outcomes.stream().filter(Optional::isPresent).toList());
      assertRunpack(single, target);
    }
  }

  @Test
  void simultaneousExportsOfDifferentRunpacksGiveOneWinnerAndConflicts() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Path target = temp.resolve("round-" + round);
      List<Optional<ErrorCode>> outcomes =
          race(i -> export(request(target, i % 2 == 0), ExistingRunpack.REFUSE));

      Map<String, byte[]> written = Fixtures.readTree(target);
      boolean withReport = written.containsKey("artifacts/verifier_report.json");
      assertRunpack(withReport ? single : singleWithoutReport, target);
      for (int i = 0; i < THREADS; i++) {
        Optional<ErrorCode> expected =
            (i % 2 == 0) == withReport ? Optional.empty() : Optional.of(ErrorCode.CONFLICT);
        assertEquals(expected, outcomes.get(i), "exporter " + i + " in round " + round);
      }
    }
  }

  @Test
  void simultaneousReplacesLeaveOneWholeRunpack() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Path target = temp.resolve("round-" + round);
      export(request(target, true), ExistingRunpack.REFUSE);
      List<Optional<ErrorCode>> outcomes =
          race(i -> export(request(target, i % 2 == 1), ExistingRunpack.REPLACE));

      assertEquals(List.of(), outcomes.stream().filter(Optional::isPresent).toList());
      boolean withReport = Fixtures.readTree(target).containsKey("artifacts/verifier_report.json");
      assertRunpack(withReport ? single : singleWithoutReport, target);
    }
  }

  interface Exporter {
    void export(int index);
  }

  /** Runs every exporter at once; the error code each one failed with, if any. */
  List<Optional<ErrorCode>> race(Exporter exporter) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<Optional<ErrorCode>>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  exporter.export(index);
                  return Optional.<ErrorCode>empty();
                } catch (RunpackException e) {
                  return Optional.of(e.code());
                }
              }));
    }
    List<Optional<ErrorCode>> outcomes = new ArrayList<>();
    for (Future<Optional<ErrorCode>> future : futures) {
      outcomes.add(future.get());
    }
    return outcomes;
  }

  void assertRunpack(Map<String, byte[]> expected, Path target) throws IOException {
    DirectoryCommitTest.assertTreesEqual(expected, Fixtures.readTree(target));
    assertEquals("pass", LocalRunpack.verify(target).status());
    try (var entries = Files.list(temp)) {
      assertTrue(
          entries.noneMatch(p -> p.getFileName().toString().startsWith(".")),
          "no staging left beside " + target);
    }
  }

  Map<String, byte[]> referenceExport(ExportRunpackCommand command) {
    export(command, ExistingRunpack.REFUSE);
    return Fixtures.readTree(Path.of(command.outputDir().orElseThrow()));
  }

  ExportRunpackCommand request(Path target, boolean verify) {
    return DirectoryCommitTest.withVerification(
        LocalRunpack.request(Fixtures.request(LABEL), target), verify);
  }

  void export(ExportRunpackCommand command, ExistingRunpack existing) {
    new ExportRunpackService(
            new FileSystemRunStore(store, LocalRunpack.CODEC),
            new FileSystemRunpackStorage(Optional.empty(), existing, List.of(), () -> {}),
            LocalRunpack.CODEC,
            ExportSettings.NONE)
        .export(command);
  }
}

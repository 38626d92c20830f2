package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 10: what a killed export leaves beside its target (its lock no longer held) is
 * never taken for a runpack and is settled by the next export of that target; the staging of an
 * export still running is left alone.
 */
class StagingDebrisTest {

  @TempDir Path temp;
  Path work;
  Path out;
  LocalRunpack local;

  @BeforeEach
  void storeRuns() throws IOException {
    local = new LocalRunpack(temp.resolve("store"), ExportSettings.NONE);
    Fixtures.LABELS.forEach(label -> local.putBundle(Fixtures.read(Fixtures.runBundle(label))));
    work = Files.createDirectories(temp.resolve("work")).toRealPath();
    out = work.resolve("out");
  }

  @Test
  void stagingOfAnExportStillRunningIsLeftAlone() throws IOException {
    try (StagingDirectory running = StagingDirectory.create(location(out))) {
      running.write(List.of(RunpackFile.of("manifest.json", new byte[] {'{', '}'})));

      export("golden_time_after_pass");

      assertTrue(Files.isRegularFile(running.directory().resolve("manifest.json")));
      assertEquals("pass", LocalRunpack.verify(out).status());
    }
    assertEquals(List.of("out"), DirectoryCommitTest.entries(work), "closed: nothing left");
  }

  @Test
  void debrisOfAKilledExportIsSettledByTheNextExportOfThatTargetOnly() throws IOException {
    String dead = deadStem(out);
    Files.createFile(work.resolve(dead + ".lock"));
    Fixtures.write(work.resolve(dead + ".staging/manifest.json"), new byte[] {'{'});
    Fixtures.write(work.resolve(dead + ".trash/artifacts/x.json"), new byte[] {'['});
    String otherTarget = deadStem(work.resolve("other"));
    Files.createFile(work.resolve(otherTarget + ".lock"));

    export("golden_time_after_pass");

    assertEquals(
        List.of(otherTarget + ".lock", "out"),
        DirectoryCommitTest.entries(work),
        "the debris of out is gone, the other target's is not out's to clean");
    assertEquals("pass", LocalRunpack.verify(out).status());
  }

  @Test
  void runpackMovedAsideByAKilledReplaceIsPutBack() throws IOException {
    export("golden_time_after_pass");
    Map<String, byte[]> original = Fixtures.readTree(out);
    String dead = deadStem(out);
    Files.createFile(work.resolve(dead + ".lock"));
    Files.move(out, work.resolve(dead + ".old")); // killed between the two renames of a swap
    Fixtures.write(work.resolve(dead + ".staging/manifest.json"), new byte[] {'{'});

    RunpackException e =
        assertThrows(RunpackException.class, () -> export("golden_visibility_packet"));

    assertEquals(ErrorCode.CONFLICT, e.code(), "the old runpack is back, and is not replaced");
    DirectoryCommitTest.assertTreesEqual(original, Fixtures.readTree(out));
    assertEquals(List.of("out"), DirectoryCommitTest.entries(work));
  }

  @Test
  void stagingNamesAreHiddenAndNeverTheTargetsName() throws IOException {
    try (StagingDirectory staging = StagingDirectory.create(location(out))) {
      String name = staging.directory().getFileName().toString();
      assertTrue(name.startsWith(".runpack-") && name.endsWith(".staging"), name);
      assertFalse(Files.exists(out));
    }
  }

  private void export(String label) {
    local.export(LocalRunpack.request(Fixtures.request(label), out));
  }

  private static OutputLocation location(Path target) throws IOException {
    return OutputLocation.resolve(Optional.of(target.toString()), Optional.empty());
  }

  /** A staging stem for {@code target} whose export is gone: a live one's, with another id. */
  private static String deadStem(Path target) throws IOException {
    try (StagingDirectory live = StagingDirectory.create(location(target))) {
      String name = live.directory().getFileName().toString();
      String stem = name.substring(0, name.length() - ".staging".length());
      return stem.substring(0, stem.length() - 32) + "0".repeat(32);
    }
  }
}

package io.runpack.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preload list is recorded from what an export loads, not from what an earlier list made the
 * function preload: the task it records from holds no preload list, and only classes of lib/ jars
 * are kept.
 */
class PreloadRecordingTest {

  @Test
  void theTaskRecordedFromPreloadsNothing(@TempDir Path task) throws IOException {
    Files.createDirectories(task.resolve("META-INF"));
    for (String list : PreloadClassList.PRELOAD_LISTS) {
      Files.writeString(task.resolve(list), "com.example.Stale\n");
    }
    Files.writeString(task.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\n");

    PreloadClassList.withoutPreloading(task);

    for (String list : PreloadClassList.PRELOAD_LISTS) {
      assertFalse(Files.exists(task.resolve(list)), list);
    }
    assertTrue(Files.exists(task.resolve("META-INF/MANIFEST.MF")));
  }

  @Test
  void onlyNamedClassesFromLibJarsAreListed(@TempDir Path task) {
    Path lib = task.resolve("lib");
    List<String> log =
        List.of(
            "[0.010s][info][class,load] java.lang.Object source: shared objects file",
            "[0.300s][info][class,load] b.FromLib source: file:" + lib + "/b.jar",
            "[0.301s][info][class,load] a.FromLib source: " + lib.toUri() + "a.jar",
            "[0.302s][info][class,load] c.App source: file:" + task + "/",
            "[0.303s][info][class,load] a.FromLib$$Lambda$12/0x1 source: a.FromLib");

    assertEquals(List.of("a.FromLib", "b.FromLib"), PreloadClassList.fromLib(log, lib));
  }
}

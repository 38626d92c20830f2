package io.runpack.function;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test profiles on the filesystem store and sink: runs from the reference store, runpacks under a
 * base.
 */
final class FilesystemProfiles {

  private FilesystemProfiles() {}

  /** A fresh output base directory, by its real path. */
  static Path newBase(String name) {
    try {
      return Files.createTempDirectory(name).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration overrides, plus {@code extra}. */
  static Map<String, String> overrides(Path base, Map<String, String> extra) {
    Map<String, String> overrides =
        new HashMap<>(
            Map.of(
                "runpack.store",
                "filesystem",
                "runpack.sink",
                "filesystem",
                "runpack.filesystem.runs-dir",
                Fixtures.root().resolve("store").toString(),
                "runpack.filesystem.output-base",
                base.toString()));
    overrides.putAll(extra);
    return overrides;
  }
}

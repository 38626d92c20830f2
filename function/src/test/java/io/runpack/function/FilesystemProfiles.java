package io.runpack.function;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

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

  /**
   * Every entry under {@code base} with what identifies its content (a file's inode, size and
   * modification time; a directory is just there): equal snapshots mean nothing was written,
   * replaced or removed.
   */
  static Map<String, String> snapshot(Path base) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        entries.put(
            base.relativize(p).toString(),
            a.isDirectory()
                ? "directory"
                : a.fileKey() + "/" + a.size() + "@" + a.lastModifiedTime().toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
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

package io.runpack.adapters.filesystem;

import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether a directory holds exactly a given runpack: the same regular files with the same bytes,
 * and nothing else (no other file, directory, link or special file). Answers with the first
 * difference by path, so the answer does not depend on the order a directory lists its entries.
 *
 * <p>Guarantees: read-only; never follows a link; never opens anything but a regular file of the
 * expected size, read up to that size; descends only into directories the runpack has and lists at
 * most {@link #MAX_ENTRIES} entries in all, so a huge or hostile directory costs a bounded amount
 * of work.
 */
final class TargetComparison {

  static final int MAX_ENTRIES = 10_000;

  private final Path root;
  private final Map<String, RunpackFile> expected = new HashMap<>();
  private final Set<String> directories = new HashSet<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, String> differences = new TreeMap<>(); // path -> what differs
  private int listed;

  private TargetComparison(Path root, List<RunpackFile> files) {
    this.root = root;
    for (RunpackFile file : files) {
      String path = file.path().value();
      expected.put(path, file);
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        directories.add(path.substring(0, slash));
      }
    }
  }

  /** The first difference between the directory {@code root} and the runpack, if any. */
  static Optional<String> firstDifference(Path root, List<RunpackFile> files) throws IOException {
    TargetComparison comparison = new TargetComparison(root, files);
    comparison.walk(root, "");
    for (String path : comparison.expected.keySet()) {
      if (!comparison.seen.contains(path)) {
        comparison.differ(path, "is missing");
      }
    }
    return comparison.differences.values().stream().findFirst();
  }

  private void differ(String path, String what) {
    differences.putIfAbsent(path, RunpackPath.printable(path) + " " + what);
  }

  private void walk(Path dir, String prefix) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (++listed > MAX_ENTRIES) {
          differences.put("", "the directory holds more than " + MAX_ENTRIES + " entries");
          return;
        }
        String path = prefix + entry.getFileName();
        BasicFileAttributes attributes = FileTrees.attributes(entry);
        if (attributes == null) {
          continue; // removed while we looked
        }
        seen.add(path);
        RunpackFile file = expected.get(path);
        if (file != null) {
          compareFile(entry, path, attributes, file);
        } else if (!directories.contains(path)) {
          differ(path, "is not part of this runpack");
        } else if (!attributes.isDirectory() || attributes.isSymbolicLink()) {
          differ(path, "is not a directory");
        } else {
          walk(entry, path + "/");
        }
      }
    }
  }

  private void compareFile(Path entry, String path, BasicFileAttributes attributes, RunpackFile f)
      throws IOException {
    if (!attributes.isRegularFile()) {
      differ(path, "is not a regular file");
    } else if (attributes.size() != f.bytes().length) {
      differ(path, "holds different bytes");
    } else if (!Arrays.equals(FileTrees.readAtMost(entry, f.bytes().length + 1), f.bytes())) {
      differ(path, "holds different bytes");
    }
  }
}

package io.runpack.adapters.filesystem;

import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A runpack being built beside its target, in the same directory (so on the same filesystem, and
 * the commit is one {@code rename(2)}). Its entries are named {@code .runpack-<target hash>-<random
 * id>} plus {@code .lock} (the {@link StagingLock}), {@code .staging} (the runpack being written),
 * {@code .old} (a replaced runpack, only between the two renames of a swap) and {@code .trash} (a
 * replaced runpack being deleted): hidden, never the target's name, so never mistaken for the
 * runpack itself.
 *
 * <p>Guarantees: files are created new (never an existing file, never through a link), with the
 * default permissions (0666 and 0777 under the umask: 0644 and 0755 usually, readable by whoever
 * the runpack is handed to) and flushed to disk with their directories before the commit. Closing
 * settles everything this staging left: a runpack moved to {@code .old} and not replaced is put
 * back, the rest removed, the lock released last. Debris of a crashed export (its lock free) is
 * settled the same way by the next export of the same target.
 */
final class StagingDirectory implements AutoCloseable {

  private static final String LOCK = ".lock";
  private static final String[] SUFFIXES = {LOCK, ".staging", ".old", ".trash"};

  private final Path parent;
  private final Path target;
  private final String stem;
  private final StagingLock lock;

  private StagingDirectory(OutputLocation location, String stem, StagingLock lock) {
    this.parent = location.parent();
    this.target = location.target();
    this.stem = stem;
    this.lock = lock;
  }

  /** Claims a new staging directory for {@code location}'s target. */
  static StagingDirectory create(OutputLocation location) throws IOException {
    for (int attempt = 0; attempt < 5; attempt++) {
      String stem = prefix(location.name()) + UUID.randomUUID().toString().replace("-", "");
      Optional<StagingLock> lock = StagingLock.create(location.parent().resolve(stem + LOCK));
      if (lock.isPresent()) {
        StagingDirectory staging = new StagingDirectory(location, stem, lock.get());
        try {
          Files.createDirectory(staging.directory());
        } catch (IOException e) {
          staging.close();
          throw e;
        }
        return staging;
      }
    }
    throw new IOException("cannot claim a staging directory in " + location.parent());
  }

  /** Settles what crashed exports of this target left behind; live exports are left alone. */
  static void cleanDebris(OutputLocation location) throws IOException {
    String prefix = prefix(location.name());
    Set<String> stems = new TreeSet<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(location.parent(), prefix + "*")) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        for (String suffix : SUFFIXES) {
          if (name.endsWith(suffix)) {
            stems.add(name.substring(0, name.length() - suffix.length()));
          }
        }
      }
    }
    for (String stem : stems) {
      Path lockFile = location.parent().resolve(stem + LOCK);
      if (!FileTrees.exists(lockFile)) {
        settle(location.parent(), location.target(), stem); // a lock is made first, freed last
        continue;
      }
      Optional<StagingLock> dead = StagingLock.takeOver(lockFile);
      if (dead.isPresent()) {
        try {
          settle(location.parent(), location.target(), stem);
        } finally {
          dead.get().close();
        }
      }
    }
  }

  Path directory() {
    return parent.resolve(stem + ".staging");
  }

  /** Where a replaced runpack waits between the two renames of a swap. */
  Path old() {
    return parent.resolve(stem + ".old");
  }

  /** Where a replaced runpack is deleted. */
  Path trash() {
    return parent.resolve(stem + ".trash");
  }

  /** Writes the files into the staging directory and flushes them and their directories. */
  void write(List<RunpackFile> files) throws IOException {
    Path root = directory();
    Set<Path> directories = new TreeSet<>();
    for (RunpackFile file : files) {
      String[] components = file.path().components();
      Path location = root;
      for (int i = 0; i < components.length - 1; i++) {
        location = location.resolve(components[i]);
        if (directories.add(location)) {
          Files.createDirectory(location);
        }
      }
      FileTrees.writeNew(location.resolve(components[components.length - 1]), file.bytes());
    }
    List<Path> deepestFirst = new ArrayList<>(directories);
    java.util.Collections.reverse(deepestFirst);
    deepestFirst.forEach(FileTrees::sync);
    FileTrees.sync(root);
  }

  @Override
  public void close() throws IOException {
    try {
      settle(parent, target, stem);
    } finally {
      lock.close();
    }
  }

  /**
   * Puts a runpack that was moved aside back if nothing took its place (else it was replaced and
   * goes), and removes the staging and trash directories of {@code stem}.
   */
  private static void settle(Path parent, Path target, String stem) throws IOException {
    Path old = parent.resolve(stem + ".old");
    Path trash = parent.resolve(stem + ".trash");
    if (FileTrees.exists(old) && !FileTrees.rename(old, target)) {
      FileTrees.rename(old, trash);
    }
    FileTrees.delete(parent.resolve(stem + ".staging"));
    FileTrees.delete(trash);
  }

  private static String prefix(String targetName) {
    String digest = Sha256.of(targetName.getBytes(StandardCharsets.UTF_8)).value();
    return ".runpack-" + digest.substring(0, 16) + "-";
  }
}

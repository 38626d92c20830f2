package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.out.PublishRunpackPort;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Writes runpacks into the request's {@code output_dir} (FORMAT §4, filesystem).
 *
 * <p>Guarantees: every path is checked before the first byte is written (relative, no {@code ..},
 * no backslash, length limits, no escape through a symbolic link); each file is written to a
 * temporary file, flushed to disk and atomically renamed into place; the manifest is written last;
 * if a write fails, the files and directories this export created are removed and nothing outside
 * the output directory is ever touched. With a base directory configured, {@code output_dir} must
 * lie inside it (relative ones are resolved against it).
 */
public final class FileSystemRunpackStorage implements PublishRunpackPort {

  private final Optional<Path> baseDir;

  public FileSystemRunpackStorage(Optional<Path> baseDir) {
    this.baseDir = baseDir.map(p -> p.toAbsolutePath().normalize());
  }

  @Override
  public Optional<String> publish(
      RunpackTarget target, List<RunpackFile> artifacts, RunpackFile manifest) {
    Path outputDir = outputDir(target);
    List<RunpackFile> files = new ArrayList<>(artifacts);
    files.add(manifest); // last
    Deque<Path> created = new ArrayDeque<>();
    try {
      createDirectories(outputDir, created);
      ConfinedPaths paths = new ConfinedPaths(outputDir);
      List<Path> locations = new ArrayList<>(files.size());
      for (RunpackFile file : files) {
        locations.add(checkedLocation(paths, file));
      }
      for (int i = 0; i < files.size(); i++) {
        createDirectories(locations.get(i).getParent(), created);
        if (!Files.exists(locations.get(i), LinkOption.NOFOLLOW_LINKS)) {
          created.push(locations.get(i));
        }
        writeAtomically(locations.get(i), files.get(i).bytes());
      }
      return Optional.empty();
    } catch (IOException e) {
      rollBack(created);
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot write runpack to " + outputDir + ": " + e.getMessage(),
          e);
    } catch (RunpackException e) {
      rollBack(created);
      throw e;
    }
  }

  private Path outputDir(RunpackTarget target) {
    String requested =
        target
            .outputDir()
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    new RunpackException(
                        ErrorCode.INVALID_REQUEST, "output_dir is required for filesystem export"));
    if (requested.indexOf('\0') >= 0) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "output_dir contains a NUL character");
    }
    Path dir = baseDir.map(base -> base.resolve(requested)).orElse(Path.of(requested));
    dir = dir.toAbsolutePath().normalize();
    if (baseDir.isPresent() && !dir.startsWith(baseDir.get())) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "output_dir must lie inside " + baseDir.get() + ": " + requested);
    }
    return dir;
  }

  /** The file's location, refusing paths that escape the root or land on a directory. */
  private static Path checkedLocation(ConfinedPaths paths, RunpackFile file) throws IOException {
    Path location = paths.resolve(file.path().value());
    if (Files.isDirectory(location)) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST, "cannot write " + file.path() + ": a directory is in the way");
    }
    return location;
  }

  private static void createDirectories(Path dir, Deque<Path> created) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path next = missing.pop();
      Files.createDirectory(next);
      created.push(next);
    }
  }

  private static void writeAtomically(Path location, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(location.getParent(), ".runpack-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(
          temp, location, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Removes what this export created, newest first; what existed before stays untouched. */
  private static void rollBack(Deque<Path> created) {
    while (!created.isEmpty()) {
      try {
        Files.deleteIfExists(created.pop());
      } catch (IOException ignored) {
        // best effort: a directory someone else filled meanwhile stays
      }
    }
  }
}

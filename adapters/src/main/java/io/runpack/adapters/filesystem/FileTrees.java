package io.runpack.adapters.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Filesystem steps of the directory commit: atomic renames, durable writes and directories, and
 * removal of whole trees. Nothing here follows a symbolic link: a link met inside a tree is removed
 * as a link, and its target is never touched.
 */
final class FileTrees {

  /** Tries of one rename whose failure finds nothing in the way (see {@link #rename}). */
  private static final int RENAME_ATTEMPTS = 3;

  private FileTrees() {}

  /**
   * Renames {@code from} to {@code to} in one step ({@code rename(2)}: a missing or empty directory
   * at {@code to} is replaced, anything else stays). False when something non-empty is at {@code
   * to} or {@code from} is gone; other failures are thrown. A failure with nothing in the way once
   * it is looked at may be another export's runpack that was at {@code to} and moved on meanwhile:
   * the rename is tried again, and only a failure that repeats is thrown.
   */
  static boolean rename(Path from, Path to) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (IOException e) {
        if (!exists(from) || exists(to)) {
          return false;
        }
        if (attempt == RENAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** What is at {@code path}, the link itself if it is one; null when nothing is there. */
  static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * The first {@code max} bytes of a regular file, opened without following a link; null when it is
   * gone.
   */
  static byte[] readAtMost(Path file, int max) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(max);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // keep reading up to the bound
      }
    } catch (NoSuchFileException gone) {
      return null;
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  static boolean exists(Path path) {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  /** Writes a new file (never an existing one, never through a link) and flushes it to disk. */
  static void writeNew(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Flushes a directory's entries to disk, where the platform allows it. */
  static void sync(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // some platforms cannot open or flush directories; the rename is atomic all the same
    }
  }

  /**
   * Removes {@code root} and everything below it, if it exists; links are removed, not followed.
   */
  static void delete(Path root) throws IOException {
    if (!exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // removed meanwhile by another cleaner
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}

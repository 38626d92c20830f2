package io.runpack.cli;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file a command writes for its caller (a report page, an output's signature), written whole or
 * not at all: into a temporary file beside it, 0644, forced to disk, then renamed over it in one
 * step. A failure leaves no partial file and no temporary file, and is a typed error: a target that
 * cannot be a file (no such directory, a directory) is invalid input, found before any work is
 * done; anything else a storage error.
 */
final class WholeFile {

  private final Path file;

  private WholeFile(Path file) {
    this.file = file;
  }

  /**
   * The target {@code name} names, checked: its directory exists and it is not a directory.
   *
   * @param option the option that named it, for messages ({@code --html})
   */
  static WholeFile at(String name, String option) {
    Path file;
    try {
      file = Path.of(name).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          "not a usable file name for " + option + ": " + e.getMessage());
    }
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "no such directory for " + option + ": " + dir);
    }
    if (Files.isDirectory(file)) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, option + " names a directory, not a file: " + file);
    }
    return new WholeFile(file);
  }

  void write(byte[] content) {
    Path temp = null;
    try {
      temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
      PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      if (posix != null) {
        posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      move(temp, file);
      temp = null;
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "cannot write " + file + ": " + e.getClass().getSimpleName());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the failure already reported is the one that matters
        }
      }
    }
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

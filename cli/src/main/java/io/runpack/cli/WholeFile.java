package io.runpack.cli;

import io.runpack.adapters.filesystem.IoReasons;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/**
 * A file a command writes for its caller (a report page, an output's signature), written whole or
 * not at all: into a temporary file beside it, with the default permissions (0666 under the umask:
 * 0644 usually), forced to disk, then renamed over it in one step. Only a regular file is replaced:
 * a link, a device, a FIFO or a socket of that name is left as it is (a rename would put the page
 * in its place, not write to it), and so is anything inside the runpack being read (evidence is
 * never written to). A failure leaves no partial file and no temporary file, and is a typed error:
 * a target that cannot be such a file is invalid input, found before any work is done; anything
 * else a storage error.
 */
final class WholeFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;

  private WholeFile(Path file) {
    this.file = file;
  }

  /**
   * The target {@code name} names, checked: its directory exists, and it is a regular file or
   * nothing yet.
   *
   * @param option the option that named it, for messages ({@code --html})
   */
  static WholeFile at(String name, String option) {
    return at(name, option, null);
  }

  /** The same, and outside {@code runpack} (a directory being read; null: none). */
  static WholeFile at(String name, String option, Path runpack) {
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
    if (runpack != null && inside(dir, runpack)) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          option + " names a file inside the runpack being read, which is left as it is: " + file);
    }
    String kind = notAFile(file);
    if ("a directory".equals(kind)) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, option + " names a directory, not a file: " + file);
    }
    if (kind != null) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          option + " names " + kind + ", not a regular file, which is left as it is: " + file);
    }
    return new WholeFile(file);
  }

  /** What is at {@code file} when it is there and not a regular file, or null. */
  private static String notAFile(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException absent) {
      return null;
    }
    if (attributes.isRegularFile()) {
      return null;
    }
    if (attributes.isDirectory()) {
      return "a directory";
    }
    return attributes.isSymbolicLink() ? "a symbolic link" : "a device, FIFO or socket";
  }

  private static boolean inside(Path dir, Path runpack) {
    try {
      return dir.toRealPath().startsWith(runpack.toRealPath());
    } catch (IOException e) {
      return false; // no runpack there: nothing of it to write over
    }
  }

  void write(byte[] content) {
    Path temp = null;
    try {
      temp = createTemporary();
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      String kind = notAFile(file); // made meanwhile: still not replaced
      if (kind != null) {
        throw new RunpackException(
            ErrorCode.STORAGE_ERROR,
            "cannot write " + file + ": it became " + kind + ", which is left as it is");
      }
      move(temp, file);
      temp = null;
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "cannot write " + file + ": " + IoReasons.of(e));
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

  /** A new, empty file beside the target, with the default permissions (under the umask). */
  private Path createTemporary() throws IOException {
    while (true) {
      Path temp =
          file.resolveSibling(
              "."
                  + file.getFileName()
                  + "."
                  + Long.toUnsignedString(RANDOM.nextLong(), 36)
                  + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException taken) {
        // another name
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

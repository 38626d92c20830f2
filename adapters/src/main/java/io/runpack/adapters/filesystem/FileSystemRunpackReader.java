package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.out.RunpackReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a runpack stored in a directory, for verification. Paths from the manifest are untrusted:
 * each is confined to the directory ({@link ConfinedPaths}) and read with a byte limit, never whole
 * when it is larger.
 */
public final class FileSystemRunpackReader implements RunpackReader {

  private final ConfinedPaths paths;

  /** Fails with {@link ErrorCode#INVALID_MANIFEST} if {@code root} is not a readable directory. */
  public FileSystemRunpackReader(Path root) {
    if (!Files.isDirectory(root)) {
      throw new RunpackException(
          ErrorCode.FILE_NOT_FOUND, "runpack directory " + root + " does not exist");
    }
    try {
      this.paths = new ConfinedPaths(root);
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "cannot open runpack directory " + root + ": " + e);
    }
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    try {
      Path file = paths.resolve(path);
      if (!Files.exists(file)) {
        throw new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new RunpackException(ErrorCode.STORAGE_ERROR, "not a regular file");
      }
      if (Files.size(file) > maxBytes) {
        throw tooLarge(maxBytes);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(maxBytes + 1); // the file may grow after the size check
        if (bytes.length > maxBytes) {
          throw tooLarge(maxBytes);
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "I/O error: " + e.getClass().getSimpleName());
    }
  }

  private static RunpackException tooLarge(int maxBytes) {
    return new RunpackException(
        ErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes + " bytes");
  }
}

package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.out.RunpackReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a runpack stored in a directory, for verification. Paths from the manifest are untrusted:
 * each is opened under the directory by {@link RootedFiles} (nothing outside it, no link followed
 * out of it, no FIFO or device) and read with a byte limit, never whole when it is larger.
 *
 * <p>A file is hashed as it is read, in a small buffer; the digest of each file (by its identity:
 * device and inode) is remembered, so a file that many paths or links name is read once.
 */
public final class FileSystemRunpackReader implements RunpackReader, AutoCloseable {

  private static final int CHUNK = 64 * 1024;

  private final RootedFiles files;
  private final Map<Object, HashDigest> digests = new HashMap<>();

  /** Fails with {@link ErrorCode#INVALID_MANIFEST} if {@code root} is not a readable directory. */
  public FileSystemRunpackReader(Path root) {
    this(root, RootedFiles.OPEN_TIMEOUT, false);
  }

  /** With another open timeout, walking by name as platforms without directory handles do. */
  FileSystemRunpackReader(Path root, Duration openTimeout, boolean byName) {
    if (!Files.isDirectory(root)) {
      throw new RunpackException(
          ErrorCode.FILE_NOT_FOUND,
          Files.exists(root)
              ? "runpack directory " + root + " is not a directory"
              : "runpack directory " + root + " does not exist");
    }
    try {
      this.files =
          byName ? RootedFiles.openByName(root, openTimeout) : RootedFiles.open(root, openTimeout);
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot open runpack directory " + root + ": " + IoReasons.of(e, root.toString()));
    }
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    try (RootedFiles.Opened file = files.open(path, maxBytes)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(file.size(), maxBytes) + 1);
      while (file.channel().read(buffer) >= 0) {
        if (!buffer.hasRemaining()) {
          if (buffer.capacity() > maxBytes) { // the file grew after its size was read
            throw RootedFiles.tooLarge(maxBytes);
          }
          buffer = ByteBuffer.allocate(maxBytes + 1).put(buffer.flip());
        }
      }
      return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public HashDigest sha256(String path, int maxBytes) {
    try (RootedFiles.Opened file = files.open(path, maxBytes)) {
      HashDigest known = file.fileKey() == null ? null : digests.get(file.fileKey());
      if (known != null) {
        return known;
      }
      MessageDigest sha256 = Sha256.newDigest();
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
      long total = 0;
      int n;
      while ((n = file.channel().read(buffer.clear())) >= 0) {
        total += n;
        if (total > maxBytes) { // the file grew after its size was read
          throw RootedFiles.tooLarge(maxBytes);
        }
        sha256.update(buffer.flip());
      }
      HashDigest digest = HashDigest.sha256(Sha256.hex(sha256.digest()));
      if (file.fileKey() != null) {
        digests.put(file.fileKey(), digest);
      }
      return digest;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private static RunpackException failure(IOException e) {
    if (e instanceof NoSuchFileException) { // removed between its check and its opening
      return new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
    }
    return new RunpackException(ErrorCode.STORAGE_ERROR, "I/O error: " + IoReasons.of(e));
  }

  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

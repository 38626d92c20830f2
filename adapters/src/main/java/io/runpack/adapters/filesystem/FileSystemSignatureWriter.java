package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * Adds the detached signature to a runpack already in a directory ({@code runpack sign}). The
 * signature appears whole or not at all: written to a temporary file beside it, flushed, then
 * linked into place with {@code link(2)}, which never replaces an existing file. A signature that
 * is already there with the same bytes is accepted; other bytes are a {@link ErrorCode#CONFLICT} (a
 * runpack's files are never rewritten in place). The path is confined to the directory.
 */
public final class FileSystemSignatureWriter {

  private final Path root;

  public FileSystemSignatureWriter(Path root) {
    this.root = root;
  }

  public void write(RunpackFile signature) {
    String path = signature.path().value();
    try {
      Path target = new ConfinedPaths(root).resolve(path);
      Path temporary =
          target.resolveSibling(".runpack-" + UUID.randomUUID() + ".tmp"); // cleaned below
      FileTrees.writeNew(temporary, signature.bytes());
      try {
        Files.createLink(target, temporary);
      } catch (FileAlreadyExistsException exists) {
        requireSameBytes(target, signature);
      } finally {
        Files.deleteIfExists(temporary);
      }
      FileTrees.sync(target.getParent());
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot write signature "
              + RunpackPath.printable(path)
              + ": "
              + RunpackPath.printable(IoReasons.of(e, null)),
          e);
    }
  }

  private static void requireSameBytes(Path target, RunpackFile signature) throws IOException {
    boolean same =
        Files.isRegularFile(target)
            && Files.size(target) == signature.bytes().length
            && Arrays.equals(Files.readAllBytes(target), signature.bytes());
    if (!same) {
      throw new RunpackException(
          ErrorCode.CONFLICT,
          RunpackPath.printable(signature.path().value())
              + " already holds another signature; remove it first to sign again");
    }
  }
}

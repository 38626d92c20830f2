package io.runpack.adapters.filesystem;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.port.out.LoadRunPort;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A run store on disk: one run bundle {@code {"spec":…,"state":…}} per run, at {@code
 * <root>/<tenant_id>/<namespace_id>/<run_id>.json}. For laptops, tests and the CLI.
 *
 * <p>Guarantees: the file read is confined to the root (also through symbolic links), read with the
 * codec's document limit, parsed strictly (duplicate keys refused) and without a tree of its logs
 * ({@link RunBundleText}: memory proportional to its bytes); a missing store directory is {@link
 * ErrorCode#FILE_NOT_FOUND}; every failure names the run and the file relative to the root.
 */
public final class FileSystemRunStore implements LoadRunPort {

  private final Path root;
  private final JacksonJsonCodec codec;

  public FileSystemRunStore(Path root, JacksonJsonCodec codec) {
    this.root = root.toAbsolutePath().normalize();
    this.codec = codec;
  }

  /** Where the bundle of {@code key} lives, relative to the root. */
  public static String relativePath(RunKey key) {
    return Long.toUnsignedString(key.tenantId())
        + "/"
        + Long.toUnsignedString(key.namespaceId())
        + "/"
        + key.runId()
        + ".json";
  }

  @Override
  public LoadedRun loadRun(RunKey key) {
    String relative = relativePath(key);
    return RunBundleText.read(read(key, relative), codec, "run bundle " + relative);
  }

  private byte[] read(RunKey key, String relative) {
    if (!Files.isDirectory(root)) {
      throw new RunpackException(
          ErrorCode.FILE_NOT_FOUND,
          "run store directory "
              + root
              + (Files.exists(root) ? " is not a directory" : " does not exist"));
    }
    try {
      Path file = new ConfinedPaths(root).resolve(relative);
      if (!Files.isRegularFile(file)) {
        throw notFound(key, relative);
      }
      long limit = codec.limits().maxDocumentBytes();
      if (Files.size(file) > limit) {
        throw tooLarge(relative, limit);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
          throw tooLarge(relative, limit);
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw notFound(key, relative);
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "cannot read run bundle " + relative + ": " + e.getMessage(), e);
    } catch (RunpackException e) {
      if (e.code() == ErrorCode.INVALID_REQUEST) { // the bundle path leads out of the store
        throw new RunpackException(
            ErrorCode.INVALID_RUN_DATA, "run bundle " + relative + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static RunpackException notFound(RunKey key, String relative) {
    return new RunpackException(
        ErrorCode.RUN_NOT_FOUND, "no run for " + key + " (no run bundle " + relative + ")");
  }

  private static RunpackException tooLarge(String relative, long limit) {
    return new RunpackException(
        ErrorCode.LIMIT_EXCEEDED,
        "run bundle " + relative + " is larger than the limit of " + limit + " bytes");
  }
}

package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes runpacks into the request's {@code output_dir} (FORMAT §4, filesystem), by the {@link
 * DirectoryCommit} protocol: built whole in a staging directory beside the target, then moved into
 * place in one rename.
 *
 * <p>Guarantees: the output directory ends up holding the complete runpack or is left as it was; an
 * output directory that already holds this exact runpack is accepted without writing, one that
 * holds anything else is a {@link ErrorCode#CONFLICT} naming the first difference (or is replaced
 * whole, with {@link ExistingRunpack#REPLACE}, if it is a runpack and none of the export's inputs:
 * {@link ReplaceableRunpack}); no file of an existing runpack is modified in place. With a base
 * directory configured, {@code output_dir} must lie inside it (relative ones are resolved against
 * it), by real path: no write lands outside it through a symbolic link. Files are created with the
 * default permissions (0644 under the usual umask).
 */
public final class FileSystemRunpackStorage implements PublishRunpackPort {

  private final Optional<Path> baseDir;
  private final ExistingRunpack existing;
  private final ExportInputs inputs;
  private final Runnable beforeCommit;

  /** Refuses an output directory that holds anything but this runpack. */
  public FileSystemRunpackStorage(Optional<Path> baseDir) {
    this(baseDir, ExistingRunpack.REFUSE, List.of(), () -> {});
  }

  /**
   * @param inputs what the export reads from the filesystem (run store directory, request, spec,
   *     state and key files): with {@link ExistingRunpack#REPLACE}, an output directory that is one
   *     of them, holds one or lies inside one is refused ({@code invalid_request})
   * @param beforeCommit run once the runpack is staged, just before it is moved into place (a test
   *     hook that holds an export at that point; a no-op otherwise)
   */
  public FileSystemRunpackStorage(
      Optional<Path> baseDir, ExistingRunpack existing, List<Path> inputs, Runnable beforeCommit) {
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    this.existing = Objects.requireNonNull(existing, "existing");
    this.inputs = new ExportInputs(inputs);
    this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
  }

  /**
   * {@code storedSignature} is not asked: the directory is committed whole, so no earlier attempt
   * leaves its signature without its manifest; an existing runpack's signature is compared as all
   * its files are.
   */
  @Override
  public Optional<String> publish(
      RunpackTarget target,
      List<RunpackFile> artifacts,
      RunpackFile manifest,
      StoredSignatureCheck storedSignature) {
    List<RunpackFile> files = new ArrayList<>(artifacts);
    files.add(manifest);
    write(target.outputDir(), files, Optional.of(manifest.path()));
    return Optional.empty();
  }

  /**
   * Writes {@code files} (runpack-relative paths) as the directory {@code outputDir}, by the same
   * protocol and with the same guarantees as a runpack: for a runpack re-written as a whole ({@code
   * runpack pretty}), whose files are not a new export.
   */
  public void publishFiles(Optional<String> outputDir, List<RunpackFile> files) {
    write(outputDir, files, Optional.empty());
  }

  /** With {@code manifest}, the runpack's manifest name, when known (a replaced one is sought). */
  private void write(
      Optional<String> outputDir, List<RunpackFile> files, Optional<RunpackPath> manifest) {
    String requested = outputDir.orElse("");
    Optional<ReplaceableRunpack> replaceable =
        existing == ExistingRunpack.REPLACE
            ? Optional.of(new ReplaceableRunpack(manifest, inputs))
            : Optional.empty();
    try {
      OutputLocation location = OutputLocation.resolve(outputDir, baseDir);
      DirectoryCommit.publish(location, files, replaceable, beforeCommit);
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot write runpack to "
              + RunpackPath.printable(requested)
              + ": "
              + IoReasons.of(e)
              + (IoReasons.file(e) == null
                  ? ""
                  : ": " + RunpackPath.printable(insideBase(IoReasons.file(e)))),
          e);
    }
  }

  /**
   * {@code message} with the base's own location taken out (paths under it shown relative to it),
   * so that a caller confined to the base never learns where it lies.
   */
  private String insideBase(String message) {
    String result = message;
    for (Path base : baseDir.map(FileSystemRunpackStorage::spellings).orElse(List.of())) {
      result = result.replace(base + "/", "").replace(base.toString(), "its base directory");
    }
    return result;
  }

  /** The base as the configuration names it and as its real path (they differ through links). */
  private static List<Path> spellings(Path base) {
    Path absolute = base.toAbsolutePath().normalize();
    try {
      return List.of(absolute.toRealPath(), absolute);
    } catch (IOException e) {
      return List.of(absolute);
    }
  }
}

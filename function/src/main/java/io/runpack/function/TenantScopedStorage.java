package io.runpack.function;

import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.filesystem.IoReasons;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * The function's filesystem sink: every runpack lands under its own tenant's and namespace's root
 * inside the output base, {@code <base>/tenant/<t>/namespace/<n>/<output_dir>}, as S3 keys begin
 * with {@code tenant/<t>/namespace/<n>/}, so that no caller can name another tenant's directory.
 *
 * <p>Guarantees: {@code output_dir} is a relative path of plain names ({@link
 * RunpackPath#problemWith}: no empty, {@code .} or {@code ..} component, no backslash, no NUL, no
 * lone surrogate, bounded) without control characters, so it can neither alias the tenant root
 * itself nor leave it; the tenant root's own directories are real directories, not links. Writing
 * (confinement by real paths, commit protocol) is {@link FileSystemRunpackStorage}'s, with the
 * tenant root as its base. The CLI, a single-user tool, writes where its request says.
 */
final class TenantScopedStorage implements PublishRunpackPort {

  private final Path base;

  TenantScopedStorage(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  @Override
  public Optional<String> publish(
      RunpackTarget target,
      List<RunpackFile> artifacts,
      RunpackFile manifest,
      StoredSignatureCheck storedSignature) {
    checkOutputDir(target.outputDir());
    Path root = tenantRoot(target.tenantId(), target.namespaceId());
    return new FileSystemRunpackStorage(Optional.of(root))
        .publish(target, artifacts, manifest, storedSignature);
  }

  /** Refuses an {@code output_dir} that is missing or not a plain relative path. */
  static void checkOutputDir(Optional<String> outputDir) {
    String dir =
        outputDir
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> invalid("output_dir is required for filesystem export"));
    String problem = RunpackPath.problemWith(dir);
    if ("must be relative".equals(problem)) {
      problem += ": it names a directory under the tenant's own";
    }
    if (problem != null) {
      throw invalid("output_dir " + problem);
    }
  }

  /** {@code <base>/tenant/<t>/namespace/<n>}, created as needed, each part a real directory. */
  private Path tenantRoot(long tenantId, long namespaceId) {
    String[] parts = {
      "tenant", Long.toUnsignedString(tenantId), "namespace", Long.toUnsignedString(namespaceId)
    };
    String relative = String.join("/", parts);
    try {
      Path dir = Files.createDirectories(base);
      for (String part : parts) {
        dir = dir.resolve(part);
        try {
          Files.createDirectory(dir);
        } catch (FileAlreadyExistsException exists) {
          // checked below, like one just made
        }
        BasicFileAttributes attributes =
            Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory() || attributes.isSymbolicLink()) {
          throw new RunpackException(
              ErrorCode.STORAGE_ERROR,
              "the tenant's output directory "
                  + relative
                  + " is not a plain directory under the output base");
        }
      }
      return dir;
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot create the tenant's output directory " + relative + ": " + IoReasons.of(e),
          e);
    }
  }

  private static RunpackException invalid(String message) {
    return new RunpackException(ErrorCode.INVALID_REQUEST, message);
  }
}

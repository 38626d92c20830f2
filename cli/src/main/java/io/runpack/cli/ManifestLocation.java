package io.runpack.cli;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a command finds a runpack and its manifest, in either form: Runpack's ({@code DIR|s3://…}
 * and {@code --manifest NAME} inside it, default {@code manifest.json}) or Decision Gate's ({@code
 * --manifest PATH}, and {@code --runpack-dir DIR} defaulting to the manifest's directory). In
 * Decision Gate's form the manifest must lie inside the runpack directory (compared by real path:
 * links and {@code ..} resolved as the file system resolves them), since it is read through the
 * same confined reader as every artifact; one outside it, or a mixture of the forms, is invalid
 * input naming the options.
 */
record ManifestLocation(String location, RunpackPath manifestName) {

  static final String DEFAULT_MANIFEST_NAME = "manifest.json";

  static ManifestLocation of(String location, String manifest, String runpackDir) {
    if (location != null) {
      if (runpackDir != null) {
        throw invalid(
            "--runpack-dir is for --manifest PATH (Decision Gate's form); with a runpack"
                + " argument, --manifest names the manifest inside it");
      }
      return new ManifestLocation(
          location, Failures.manifestName(manifest == null ? DEFAULT_MANIFEST_NAME : manifest));
    }
    if (manifest == null) {
      throw invalid("give a runpack DIR|s3://BUCKET/PREFIX/, or --manifest PATH");
    }
    Path given = path(manifest).toAbsolutePath();
    Path manifestPath =
        given.getParent() == null
            ? given
            : real(given.getParent()).resolve(given.getFileName()).normalize();
    Path parent = manifestPath.getParent();
    Path dir = runpackDir == null ? parent : real(path(runpackDir).toAbsolutePath());
    Path relative = dir == null ? null : dir.relativize(manifestPath);
    if (relative == null || relative.toString().isEmpty() || relative.startsWith("..")) {
      throw invalid(
          "manifest "
              + RunpackPath.printable(manifest)
              + " is not inside the runpack directory "
              + RunpackPath.printable(runpackDir == null ? String.valueOf(dir) : runpackDir));
    }
    String name = relative.toString().replace(java.io.File.separatorChar, '/');
    return new ManifestLocation(dir.toString(), Failures.manifestName(name));
  }

  /**
   * {@code dir} as the file system resolves it: symbolic links followed, then {@code ..} — so
   * {@code link/../manifest.json} is the manifest beside the link's target, as the shell opens it,
   * not the one beside the link, which a textual normalization would give. A directory that does
   * not exist is normalized as text (nothing is read from it).
   */
  private static Path real(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.normalize();
    }
  }

  /** The runpack directory (Runpack's form: the argument as given). */
  Path directory() {
    return path(location);
  }

  private static Path path(String name) {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw invalid("not a usable directory name: " + e.getMessage());
    }
  }

  private static Failures.InvalidInput invalid(String message) {
    return Failures.invalidInput(ErrorCode.INVALID_REQUEST, message);
  }
}

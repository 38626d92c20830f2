package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves runpack-relative paths under a root directory so that nothing is read or written outside
 * it (FORMAT §4): the path must be a {@link RunpackPath}, and every part of it that already exists
 * must, once symbolic links are followed, still lie inside the root's real path.
 */
final class ConfinedPaths {

  private final Path root;
  private final Path realRoot;

  /** {@code root} must exist; it is the trust boundary, so it may itself be reached by a link. */
  ConfinedPaths(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
  }

  Path root() {
    return root;
  }

  /**
   * The location of {@code path} under the root, after checking that neither it (if it exists) nor
   * any existing ancestor escapes the root through a link. Fails with {@link
   * ErrorCode#INVALID_REQUEST} naming the problem.
   */
  Path resolve(String path) throws IOException {
    String problem = RunpackPath.problemWith(path);
    if (problem != null) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "unsafe path: " + problem);
    }
    Path current = root;
    String[] components = path.split("/");
    for (int i = 0; i < components.length; i++) {
      current = current.resolve(components[i]);
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        return root.resolve(path); // nothing below a missing part can be a link yet
      }
      if (Files.isSymbolicLink(current)) {
        Path target;
        try {
          target = current.toRealPath();
        } catch (IOException dangling) {
          throw escapes(path);
        }
        if (!target.startsWith(realRoot)) {
          throw escapes(path);
        }
      }
      if (i < components.length - 1 && !Files.isDirectory(current)) {
        throw new RunpackException(
            ErrorCode.INVALID_REQUEST,
            "path "
                + RunpackPath.printable(path)
                + " passes through a file that is not a directory");
      }
    }
    return current;
  }

  private static RunpackException escapes(String path) {
    return new RunpackException(
        ErrorCode.INVALID_REQUEST,
        "path "
            + RunpackPath.printable(path)
            + " leads outside the runpack root through a symbolic link");
  }
}

package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What an export reads from the filesystem (its run store directory, request, spec, state or key
 * file), which {@link ExistingRunpack#REPLACE} must never delete: an output directory that is one
 * of them, holds one or lies inside one is refused with {@code invalid_request} (the command names
 * its output among its own inputs), before anything is moved.
 *
 * <p>Guarantees: compared by real paths on both sides, so a symbolic link or a {@code ..} on the
 * way does not hide an input (an input that does not exist is compared by its absolute, normalized
 * path); read-only.
 */
record ExportInputs(List<Path> paths) {

  ExportInputs {
    paths = List.copyOf(paths);
  }

  /**
   * Refuses {@code target} (a real path, shown as {@code shown}) when it is, holds or lies inside
   * an input.
   */
  void requireNoneIn(Path target, String shown) throws IOException {
    for (Path input : paths) {
      Path real = real(input);
      String relation;
      if (real.equals(target)) {
        relation = "is ";
      } else if (real.startsWith(target)) {
        relation = "holds ";
      } else if (target.startsWith(real)) {
        relation = "lies inside ";
      } else {
        continue;
      }
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "output_dir "
              + shown
              + " is not replaced: it "
              + relation
              + RunpackPath.printable(real.toString())
              + ", which this export reads");
    }
  }

  private static Path real(Path input) throws IOException {
    try {
      return input.toRealPath();
    } catch (NoSuchFileException missing) {
      return input.toAbsolutePath().normalize();
    }
  }
}

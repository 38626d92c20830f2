package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The guard of {@link ExistingRunpack#REPLACE}: only a runpack may be replaced, that is a directory
 * holding nothing but directories, JSON files, manifest signatures ({@code .json.sig}) (and the
 * {@code .runpack-*.tmp} files an earlier Runpack version could leave when killed). A mistyped
 * output directory (a home directory, a source tree) is refused with {@code conflict} before
 * anything is moved.
 *
 * <p>Guarantees: read-only, never follows a link, lists at most {@link
 * TargetComparison#MAX_ENTRIES} entries.
 */
final class ReplaceableRunpack {

  private int listed;

  private ReplaceableRunpack() {}

  static void require(Path target) throws IOException {
    new ReplaceableRunpack().check(target, target);
  }

  private void check(Path root, Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (++listed > TargetComparison.MAX_ENTRIES) {
          throw refused(root, "it holds more than " + TargetComparison.MAX_ENTRIES + " entries");
        }
        BasicFileAttributes attributes;
        try {
          attributes =
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
          continue;
        }
        String name = entry.getFileName().toString();
        if (attributes.isDirectory()) {
          check(root, entry);
        } else if (!attributes.isRegularFile()
            || !(name.endsWith(".json")
                || name.endsWith(".json.sig")
                || name.startsWith(".runpack-") && name.endsWith(".tmp"))) {
          throw refused(
              root,
              RunpackPath.printable(root.relativize(entry).toString())
                  + " is not a JSON file of a runpack");
        }
      }
    }
  }

  private static RunpackException refused(Path root, String why) {
    return new RunpackException(
        ErrorCode.CONFLICT,
        "output_dir " + root + " is not replaced: only a runpack is replaced, and " + why);
  }
}

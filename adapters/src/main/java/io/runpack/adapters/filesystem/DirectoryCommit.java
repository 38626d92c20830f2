package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * The commit protocol of a directory export. The whole runpack is built in a {@link
 * StagingDirectory} beside the target and moved into place with one {@code rename(2)}, which the
 * kernel only lets through when the target is missing or an empty directory.
 *
 * <ul>
 *   <li>target missing or empty: it becomes the runpack, complete or not at all;
 *   <li>target holds exactly this runpack: success, nothing written;
 *   <li>target holds anything else: {@code conflict} naming the first difference, nothing touched
 *       (or, given a {@link ReplaceableRunpack} guard that accepts it, the old runpack is renamed
 *       aside, the new one renamed in, and only then is the old one deleted).
 * </ul>
 *
 * <p>Guarantees: no file of an existing runpack is ever written, moved into or deleted from; a
 * runpack is replaced as a whole or not at all. Concurrent exports of the same runpack all succeed
 * (the first rename wins, the others find their runpack there); a failed or killed export never
 * removes anything but its own staging.
 */
final class DirectoryCommit {

  private static final int REPLACE_ATTEMPTS = 5;

  private DirectoryCommit() {}

  static void publish(
      OutputLocation location,
      List<RunpackFile> files,
      Optional<ReplaceableRunpack> replaceable,
      Runnable beforeCommit)
      throws IOException {
    StagingDirectory.cleanDebris(location);
    Path target = location.target();
    requireUsableTarget(location);
    if (!isMissingOrEmpty(target) && inspect(location, files, replaceable) == Found.SAME) {
      return;
    }
    try (StagingDirectory staging = StagingDirectory.create(location)) {
      staging.write(files);
      beforeCommit.run();
      for (int attempt = 0; attempt < REPLACE_ATTEMPTS; attempt++) {
        if (FileTrees.rename(staging.directory(), target)) {
          FileTrees.sync(location.parent());
          return;
        }
        if (!FileTrees.exists(staging.directory())) {
          throw new IOException("staging directory " + staging.directory() + " disappeared");
        }
        // Something is there now: another export was faster.
        Found found = inspect(location, files, replaceable);
        if (found == Found.SAME || found == Found.REPLACEABLE && swapIn(staging, target)) {
          FileTrees.sync(location.parent());
          return;
        }
      }
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot replace " + location.shown() + ": other exports kept replacing it meanwhile");
    }
  }

  /** What an export finds at its target, once the target is known not to be empty. */
  private enum Found {
    /** Exactly this runpack. */
    SAME,
    /** Another runpack, to be replaced. */
    REPLACEABLE,
    /** Nothing any more: the next rename decides. */
    GONE
  }

  /**
   * What the target holds; anything but this runpack is a conflict, unless the {@code replaceable}
   * guard is given and accepts it.
   */
  private static Found inspect(
      OutputLocation location, List<RunpackFile> files, Optional<ReplaceableRunpack> replaceable)
      throws IOException {
    Path target = location.target();
    BasicFileAttributes attributes = FileTrees.attributes(target);
    if (attributes == null) {
      return Found.GONE;
    }
    if (!attributes.isDirectory()) {
      throw new RunpackException(
          ErrorCode.CONFLICT,
          "output_dir " + location.shown() + " already exists and is not a directory");
    }
    Optional<String> difference;
    try {
      difference = TargetComparison.firstDifference(target, files);
    } catch (NoSuchFileException movedAway) {
      return Found.GONE; // a replacing export moved the target on while it was read
    }
    if (difference.isEmpty()) {
      return Found.SAME;
    }
    if (replaceable.isEmpty()) {
      throw new RunpackException(
          ErrorCode.CONFLICT,
          "output_dir "
              + location.shown()
              + " already holds something else, left untouched: "
              + difference.get());
    }
    try {
      replaceable.get().require(location);
    } catch (NoSuchFileException movedAway) {
      return Found.GONE;
    }
    return Found.REPLACEABLE;
  }

  /** Renames the old runpack aside, the new one in, and deletes the old one; false if raced. */
  private static boolean swapIn(StagingDirectory staging, Path target) throws IOException {
    if (!FileTrees.rename(target, staging.old())) {
      return false; // gone meanwhile: try the plain rename again
    }
    if (FileTrees.rename(staging.directory(), target)) {
      discard(staging.old(), staging.trash());
      return true;
    }
    // Another export filled the target between the two renames: put the old runpack back if the
    // target is free again, else it has been replaced all the same.
    if (!FileTrees.rename(staging.old(), target)) {
      discard(staging.old(), staging.trash());
    }
    return false;
  }

  private static void discard(Path dir, Path trash) throws IOException {
    if (FileTrees.rename(dir, trash)) {
      FileTrees.delete(trash);
    }
  }

  /**
   * Refuses targets a rename cannot or must not replace: the working directory, a mount point (the
   * staging directory beside it is on another filesystem).
   */
  private static void requireUsableTarget(OutputLocation location) throws IOException {
    Path target = location.target();
    BasicFileAttributes attributes = FileTrees.attributes(target);
    if (attributes == null || !attributes.isDirectory()) {
      return;
    }
    if (target.equals(Path.of("").toAbsolutePath().toRealPath())) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "output_dir "
              + location.shown()
              + " is the working directory: a runpack is moved into place as a whole"
              + " directory, so name a directory below it");
    }
    if (!sameDevice(target, location.parent())) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "output_dir "
              + location.shown()
              + " is a mount point: a runpack is moved into place from beside it, on the same"
              + " filesystem, so name a directory below it");
    }
  }

  private static boolean sameDevice(Path a, Path b) throws IOException {
    try {
      return Files.getAttribute(a, "unix:dev", LinkOption.NOFOLLOW_LINKS)
          .equals(Files.getAttribute(b, "unix:dev", LinkOption.NOFOLLOW_LINKS));
    } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
      return true; // no device numbers here: a rename across filesystems fails as a storage error
    }
  }

  private static boolean isMissingOrEmpty(Path target) throws IOException {
    BasicFileAttributes attributes = FileTrees.attributes(target);
    if (attributes == null) {
      return true;
    }
    if (!attributes.isDirectory()) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
      return !entries.iterator().hasNext();
    }
  }
}

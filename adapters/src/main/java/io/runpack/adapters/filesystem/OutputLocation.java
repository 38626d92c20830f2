package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Where a directory export goes: the directory that holds the runpack's directory ({@code parent},
 * by its real path) and that directory's name.
 *
 * <p>Guarantees: a request's {@code output_dir} that is not a usable path (NUL, lone surrogate,
 * unmappable on this system) is an {@link ErrorCode#INVALID_REQUEST}, never an internal error. With
 * a base directory, the target lies strictly inside the base's real path after every symbolic link
 * on the way is followed, so a link inside the base pointing outside is refused: confinement by
 * real paths, not by path text. Missing directories on the way are created, each checked as it is
 * made. The target itself, when it exists, is not a link (a link is followed and its real path
 * checked and used instead). Messages name the base's paths relative to the base ({@code shown} is
 * the target as the request wrote it): a caller confined to a base learns what is wrong with its
 * {@code output_dir}, never where the base lies. Without a base, the target is shown by its real
 * path.
 */
record OutputLocation(Path parent, String name, String shown) {

  Path target() {
    return parent.resolve(name);
  }

  static OutputLocation resolve(Optional<String> outputDir, Optional<Path> base)
      throws IOException {
    String requested =
        outputDir
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> invalid("output_dir is required for filesystem export"));
    Path asked = path(requested);
    Optional<Path> baseDir = base.map(b -> b.toAbsolutePath().normalize());
    Path lexical = baseDir.map(b -> b.resolve(asked)).orElse(asked).toAbsolutePath().normalize();
    if (baseDir.isPresent()
        && (!lexical.startsWith(baseDir.get()) || lexical.equals(baseDir.get()))) {
      throw outsideBase(baseDir.get(), requested);
    }
    if (lexical.getFileName() == null) {
      throw invalid(
          "output_dir must name a directory, not a filesystem root: " + quoted(requested));
    }
    Optional<Path> realBase = baseDir.isPresent() ? Optional.of(realBase(baseDir.get())) : base;
    Path current = realBase.orElse(lexical.getRoot());
    Path rest =
        baseDir.map(b -> b.relativize(lexical)).orElse(lexical.getRoot().relativize(lexical));
    for (int i = 0; i < rest.getNameCount() - 1; i++) {
      current = directoryOnTheWay(current.resolve(rest.getName(i)), requested, realBase);
      requireInside(realBase, current, requested);
    }
    Path target = current.resolve(rest.getFileName());
    if (Files.isSymbolicLink(target)) {
      try {
        target = target.toRealPath();
      } catch (NoSuchFileException dangling) {
        throw invalid("output_dir " + quoted(requested) + " is a dangling symbolic link");
      }
      requireInside(realBase, target, requested);
      if (realBase.isPresent() && target.equals(realBase.get())) {
        throw outsideBase(baseDir.get(), requested);
      }
      if (target.getParent() == null) {
        throw invalid("output_dir " + quoted(requested) + " leads to a filesystem root");
      }
    }
    String shown =
        baseDir.isPresent() ? quoted(requested) : RunpackPath.printable(target.toString());
    return new OutputLocation(target.getParent(), target.getFileName().toString(), shown);
  }

  /** The path a request names, or {@code invalid_request} when it cannot be one here. */
  private static Path path(String requested) {
    if (requested.indexOf('\0') >= 0) {
      throw invalid("output_dir contains a NUL character");
    }
    for (int i = 0; i < requested.length(); i++) {
      char c = requested.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < requested.length()
          && Character.isLowSurrogate(requested.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw invalid("output_dir is not well-formed Unicode (lone surrogate)");
      }
    }
    try {
      return Path.of(requested);
    } catch (InvalidPathException e) {
      throw invalid(
          "output_dir "
              + quoted(requested)
              + " cannot be a path on this system ("
              + e.getReason()
              + "; check the locale's file name encoding)");
    }
  }

  /** The configured base by its real path, created if it does not exist yet. */
  private static Path realBase(Path base) throws IOException {
    Files.createDirectories(base);
    return base.toRealPath();
  }

  /**
   * {@code dir} (whose parent is a real path) as a real directory: created if missing, followed if
   * a link; anything else in the way is refused.
   */
  private static Path directoryOnTheWay(Path dir, String requested, Optional<Path> realBase)
      throws IOException {
    BasicFileAttributes attributes = FileTrees.attributes(dir);
    if (attributes == null) {
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException raced) {
        // created meanwhile (another export): checked below like any existing one
      }
      attributes = FileTrees.attributes(dir);
    }
    if (attributes != null && attributes.isSymbolicLink()) {
      try {
        dir = dir.toRealPath();
      } catch (NoSuchFileException dangling) {
        throw invalid(
            "output_dir " + quoted(requested) + " passes through a dangling symbolic link");
      }
      attributes = FileTrees.attributes(dir);
    }
    if (attributes == null || !attributes.isDirectory()) {
      throw invalid(
          "output_dir "
              + quoted(requested)
              + " passes through "
              + RunpackPath.printable(shown(dir, realBase))
              + ", which is not a directory");
    }
    return dir;
  }

  private static void requireInside(Optional<Path> realBase, Path real, String requested) {
    if (realBase.isPresent() && !real.startsWith(realBase.get())) {
      throw invalid(
          "output_dir must lie inside its base directory: "
              + quoted(requested)
              + " leads outside it through a symbolic link");
    }
  }

  private static RunpackException outsideBase(Path base, String requested) {
    return invalid("output_dir must lie inside its base directory: " + quoted(requested));
  }

  /** {@code dir} relative to the base when it lies inside it, else as it is (no base). */
  private static String shown(Path dir, Optional<Path> realBase) {
    return realBase
        .filter(dir::startsWith)
        .map(b -> b.relativize(dir).toString())
        .orElse(dir.toString());
  }

  private static String quoted(String requested) {
    return "\"" + RunpackPath.printable(requested) + "\"";
  }

  private static RunpackException invalid(String message) {
    return new RunpackException(ErrorCode.INVALID_REQUEST, message);
  }
}

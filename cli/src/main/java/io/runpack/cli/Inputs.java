package io.runpack.cli;

import io.runpack.adapters.filesystem.IoReasons;
import io.runpack.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads what the user hands the command (a file, or stdin for {@code -}), never more than a bound.
 * Any failure is invalid input (exit 2): a missing file is {@code file_not_found}. Standard input
 * is read once: a second input that asks for it is refused, not given what the first left.
 */
final class Inputs {

  private Inputs() {}

  /** The bytes of {@code source} ("-" or null: stdin); more than {@code maxBytes} is refused. */
  static byte[] read(String source, long maxBytes, Console console, String what) {
    byte[] bytes = readAtMost(source, maxBytes + 1, console, what);
    if (bytes.length > maxBytes) {
      throw Failures.invalidInput(
          ErrorCode.LIMIT_EXCEEDED,
          what + " " + name(source) + " is larger than the limit of " + maxBytes + " bytes");
    }
    return bytes;
  }

  /**
   * The first {@code maxBytes} bytes of {@code source}, for a reader that applies its own limit
   * (the request parser: one message for every front end).
   */
  static byte[] readAtMost(String source, long maxBytes, Console console, String what) {
    boolean stdin = isStdin(source);
    int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
    if (stdin && console.stdinReadFor != null) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          "cannot read "
              + what
              + " from standard input: it is the "
              + console.stdinReadFor
              + "'s; give the "
              + what
              + " as a file");
    }
    if (stdin) {
      console.stdinReadFor = what;
    }
    try {
      if (!stdin && Files.isDirectory(Path.of(source))) {
        throw Failures.invalidInput(
            ErrorCode.INVALID_REQUEST, what + " " + name(source) + " is a directory");
      }
      try (InputStream in = stdin ? console.in : Files.newInputStream(Path.of(source))) {
        return in.readNBytes(cap);
      }
    } catch (NoSuchFileException e) {
      throw Failures.invalidInput(
          ErrorCode.FILE_NOT_FOUND, "cannot read " + what + " " + name(source) + ": no such file");
    } catch (IOException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          "cannot read " + what + " " + name(source) + ": " + IoReasons.of(e, source));
    } catch (InvalidPathException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          "cannot read " + what + " " + name(source) + ": " + e.getMessage());
    }
  }

  /** The file {@code source} names, if it names one (not stdin): for {@code --replace}'s guard. */
  static Optional<Path> file(String source) {
    return isStdin(source) ? Optional.empty() : Optional.of(Path.of(source));
  }

  private static String name(String source) {
    return isStdin(source) ? "standard input" : source;
  }

  /** True when {@code source} is standard input: "-", or not given. */
  private static boolean isStdin(String source) {
    return source == null || source.equals("-");
  }
}

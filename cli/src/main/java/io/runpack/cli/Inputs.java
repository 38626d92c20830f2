package io.runpack.cli;

import io.runpack.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads what the user hands the command (a file, or stdin for {@code -}), with a byte limit. */
final class Inputs {

  /** Largest request file: the tool's input is a few hundred bytes. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private Inputs() {}

  /** The bytes of {@code source} ("-" or null: stdin); any failure is invalid input (exit 2). */
  static byte[] read(String source, long maxBytes, Console console, String what) {
    boolean stdin = source == null || source.equals("-");
    String name = stdin ? "standard input" : source;
    int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
    try {
      if (!stdin && Files.isDirectory(Path.of(source))) {
        throw Failures.invalidInput(
            ErrorCode.INVALID_REQUEST, what + " " + name + " is a directory");
      }
      byte[] bytes;
      try (InputStream in = stdin ? console.in : Files.newInputStream(Path.of(source))) {
        bytes = in.readNBytes(cap);
      }
      if (bytes.length > maxBytes) {
        throw Failures.invalidInput(
            ErrorCode.LIMIT_EXCEEDED,
            what + " " + name + " is larger than the limit of " + maxBytes + " bytes");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "cannot read " + what + " " + name + ": no such file");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "cannot read " + what + " " + name + ": " + e.getMessage());
    }
  }
}

package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.OneLine;
import io.runpack.domain.error.RunpackException;
import io.runpack.json.Utf16;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A runpack-relative path that is safe to resolve under a runpack root (FORMAT §4): relative,
 * '/'-separated, no empty, {@code .} or {@code ..} component, no backslash, no NUL, no ':' in the
 * first component (so no Windows drive), no control or line-breaking character (C0, DEL, C1,
 * U+2028, U+2029: a newline in an S3 key or a file name breaks listings and the lines of every log
 * and script that prints it), well-formed Unicode, each component at most 255 UTF-8 bytes and the
 * whole at most 4,096.
 *
 * <p>Invariant: a {@code RunpackPath} can never name anything outside the root it is joined to,
 * lexically. (Symbolic links are the filesystem adapter's concern.)
 */
public record RunpackPath(String value) {

  public RunpackPath {
    String problem = problemWith(value);
    if (problem != null) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "invalid runpack path \"" + printable(value) + "\": " + problem);
    }
  }

  public static RunpackPath of(String value) {
    return new RunpackPath(value);
  }

  /** Why {@code value} is not a safe runpack path, or null when it is. */
  public static String problemWith(String value) {
    if (value == null || value.isEmpty()) {
      return "must not be empty";
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_PATH_BYTES) {
      return "longer than " + Limits.MAX_PATH_BYTES + " bytes";
    }
    if (value.indexOf('\\') >= 0) {
      return "contains a backslash";
    }
    if (value.indexOf('\0') >= 0) {
      return "contains a NUL character";
    }
    String control = controlProblem(value);
    if (control != null) {
      return control;
    }
    if (!wellFormed(value)) {
      return "is not well-formed Unicode (lone surrogate)";
    }
    if (value.startsWith("/")) {
      return "must be relative";
    }
    int firstSlash = value.indexOf('/');
    if (value.substring(0, firstSlash < 0 ? value.length() : firstSlash).indexOf(':') >= 0) {
      return "has a ':' in its first component (a drive on Windows)";
    }
    for (String component : value.split("/", -1)) {
      String problem = segmentProblem(component);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** Why {@code segment} cannot be one path component or storage key segment, or null. */
  public static String segmentProblem(String segment) {
    if (segment.isEmpty()) {
      return "has an empty component";
    }
    if (segment.equals(".") || segment.equals("..")) {
      return "has a \"" + segment + "\" component";
    }
    if (segment.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_PATH_COMPONENT_BYTES) {
      return "has a component longer than " + Limits.MAX_PATH_COMPONENT_BYTES + " bytes";
    }
    return null;
  }

  /**
   * Why {@code segment} cannot be an identifier used as one storage key segment (run and scenario
   * ids, key prefixes): the component rules, and no slash, backslash, NUL or other control
   * character. Null when it can.
   */
  public static String keySegmentProblem(String segment) {
    String problem = segmentProblem(segment);
    if (problem == null && segment.indexOf('/') >= 0) {
      problem = "contains a slash";
    }
    if (problem == null && segment.indexOf('\\') >= 0) {
      problem = "contains a backslash";
    }
    if (problem == null && segment.indexOf('\0') >= 0) {
      problem = "contains a NUL character";
    }
    if (problem == null) {
      problem = controlProblem(segment);
    }
    if (problem == null && !wellFormed(segment)) {
      problem = "is not well-formed Unicode (lone surrogate)";
    }
    return problem;
  }

  /** Names the first control or line-breaking character of {@code value}, or null if none. */
  private static String controlProblem(String value) {
    return value
        .codePoints()
        .filter(OneLine::isUnsafe)
        .mapToObj(cp -> String.format(Locale.ROOT, "contains a control character (U+%04X)", cp))
        .findFirst()
        .orElse(null);
  }

  /**
   * True when every surrogate is paired. A lone one has no UTF-8 form: stores would each replace it
   * their own way, so two different ids could name the same key.
   */
  private static boolean wellFormed(String s) {
    return Utf16.isWellFormed(s);
  }

  /**
   * The path as a case-insensitive file system may see it (Windows, macOS by default): case folded
   * and composed, so two paths that may name one file there compare equal.
   */
  public static String folded(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFC)
        .toUpperCase(Locale.ROOT)
        .toLowerCase(Locale.ROOT);
  }

  /** The path's '/'-separated components. */
  public String[] components() {
    return value.split("/");
  }

  /**
   * The path shortened, each control or line-breaking character shown as '?', safe to put in a
   * message.
   */
  public static String printable(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(120)
        .forEach(cp -> out.appendCodePoint(OneLine.isUnsafe(cp) ? '?' : cp));
    return value.codePointCount(0, value.length()) > 120 ? out + "..." : out.toString();
  }

  @Override
  public String toString() {
    return value;
  }
}

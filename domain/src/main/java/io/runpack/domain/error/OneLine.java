package io.runpack.domain.error;

/**
 * Text that came from input, made safe for a log line or an error message: it can neither start a
 * new line nor hide one, whatever reads it.
 *
 * <p>Guarantee: the result has no control character (C0, DEL, C1, which includes U+0085 NEXT LINE)
 * and no U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR. Each is written as a JSON-style
 * escape ({@code \n}, {@code \r}, {@code \t}, {@code \u0085}…), and the backslash itself as {@code
 * \\}, so the escaped text is unambiguous: the text {@code \n} and a line break never look alike.
 */
public final class OneLine {

  private OneLine() {}

  /** {@code text} with every line-breaking or control character escaped; null stays "null". */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = escaped(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** True for the characters {@link #escape} escapes, besides the backslash. */
  public static boolean isUnsafe(int c) {
    return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
  }

  private static String escaped(char c) {
    return switch (c) {
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> isUnsafe(c) ? unicodeEscape(c) : null;
    };
  }

  /** {@code \u0085}: four lower-case hex digits, whatever the locale. */
  static String unicodeEscape(char c) {
    String hex = Integer.toHexString(c);
    return "\\u" + "0000".substring(hex.length()) + hex;
  }
}

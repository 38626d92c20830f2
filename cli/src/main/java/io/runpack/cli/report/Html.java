package io.runpack.cli.report;

/**
 * Text from a runpack made safe for an HTML page, in element content and in quoted attribute values
 * alike: {@code & < > " '} become character references, and every character that could hide or
 * disguise text (controls, bidi embeddings, overrides and isolates, zero-width and other format
 * characters, line and paragraph separators, lone surrogates) is shown as a visible {@code
 * \\uXXXX}. Nothing a runpack holds can then open an element, close one, start an attribute or
 * reorder what a reader sees.
 */
public final class Html {

  private Html() {}

  /** {@code text} escaped for HTML. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    append(out, text);
    return out.toString();
  }

  /** Appends {@code text} escaped for HTML. */
  public static void append(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (HiddenCharacters.hides(cp)) {
            out.append(HiddenCharacters.escape(cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
  }
}

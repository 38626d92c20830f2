package io.runpack.cli.report;

/**
 * The characters that can hide or disguise text wherever a person reads it (a terminal, a markdown
 * report, an HTML page): controls (C0, DEL, C1), format characters (bidi embeddings, overrides and
 * isolates, directional marks, zero-width characters), line and paragraph separators and lone
 * surrogates. Every human view of a runpack shows them escaped, by this one rule.
 */
public final class HiddenCharacters {

  private HiddenCharacters() {}

  /** True when {@code cp} would hide or disguise text if shown as it is. */
  public static boolean hides(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }
}

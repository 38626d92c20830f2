package io.runpack.cli.report;

import java.util.Locale;

/**
 * The characters that can hide or disguise text wherever a person reads it (a terminal, a markdown
 * report, an HTML page): controls (C0, DEL, C1), format characters (bidi embeddings, overrides and
 * isolates, directional marks, zero-width characters), line and paragraph separators, spaces other
 * than U+0020 (a no-break or em space reads as a space that is not one), lone surrogates, private
 * use code points (no glyph anyone agrees on), and the rest of Unicode's
 * Default_Ignorable_Code_Point (DerivedCoreProperties.txt), which renderers draw as nothing: the
 * combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the Khmer
 * inherent vowels U+17B4–17B5, the Mongolian variation selectors U+180B–180F and the variation
 * selectors U+FE00–FE0F and U+E0100–E01EF. Every human view of a runpack shows them escaped, by
 * this one rule, so that no path displays as another path. Code points unassigned in the JDK's
 * Unicode version are not among them: they are most of what changes from one JDK's Unicode version
 * to the next, and the text shown should depend on the JDK as little as it can.
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
          Character.SURROGATE,
          Character.PRIVATE_USE ->
          true;
      case Character.SPACE_SEPARATOR -> cp != ' ';
      default -> isDefaultIgnorable(cp);
    };
  }

  /**
   * How {@code cp} is shown when it {@link #hides}: {@code \\uXXXX}, or {@code \\u{XXXXX}} beyond
   * U+FFFF (so that no escape reads as a shorter one followed by digits).
   */
  public static String escape(int cp) {
    return cp > 0xFFFF
        ? String.format(Locale.ROOT, "\\u{%x}", cp)
        : String.format(Locale.ROOT, "\\u%04x", cp);
  }

  /**
   * The Default_Ignorable_Code_Points not caught above: the letters and marks, and the ranges
   * Unicode reserves as default-ignorable whether assigned yet or not (U+2060–206F, U+FFF0–FFF8,
   * U+E0000–E0FFF: a JDK whose Unicode does not know one yet still escapes it).
   */
  private static boolean isDefaultIgnorable(int cp) {
    return (cp >= 0x2060 && cp <= 0x206F)
        || (cp >= 0xFFF0 && cp <= 0xFFF8)
        || (cp >= 0xE0000 && cp <= 0xE0FFF)
        || cp == 0x034F
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x17B4
        || cp == 0x17B5
        || (cp >= 0x180B && cp <= 0x180F)
        || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFFA0
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }
}

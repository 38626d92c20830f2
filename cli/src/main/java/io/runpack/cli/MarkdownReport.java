package io.runpack.cli;

import io.runpack.domain.model.VerificationReport;
import java.util.Locale;

/**
 * Decision Gate's markdown verification report (FORMAT §6), then the newline its CLI prints after
 * it. An error is one list item, as Decision Gate prints it; only characters that would break the
 * one-line-per-error layout or disguise text (line breaks and other controls, bidi and zero-width
 * characters: the Unicode categories Cc, Cf, Zl, Zp and Cs, {@link #escapeLayoutBreakers}) are
 * shown escaped, so a hostile path cannot add lines such as a forged status. Every message Decision
 * Gate's own verifier makes of an ordinary runpack has none of them, so its report is byte for byte
 * Decision Gate's — unlike {@code --format text} and the report page, which escape more (no-break
 * spaces, variation selectors and other invisible characters, {@link TextReport#escapeControls}),
 * and would so change the bytes of errors that ordinary text can hold (an emoji, an ideographic
 * space). Markdown syntax in an error ({@code _}, {@code *}, {@code <}…) is left as it is, as
 * Decision Gate leaves it: the report is text to read, not markup to render.
 */
final class MarkdownReport {

  private MarkdownReport() {}

  static String of(VerificationReport report) {
    StringBuilder text = new StringBuilder();
    text.append("# Decision Gate Runpack Verification\n\n")
        .append("- Status: ")
        .append(report.status())
        .append('\n')
        .append("- Checked files: ")
        .append(report.checkedFiles())
        .append("\n\n## Errors\n");
    if (report.errors().isEmpty()) {
      text.append("- None\n");
    }
    for (String error : report.errors()) {
      text.append("- ").append(escapeLayoutBreakers(error)).append('\n');
    }
    return text.append('\n').toString();
  }

  /**
   * {@code message} with its controls, format characters, separators and lone surrogates as
   * \\uXXXX.
   */
  static String escapeLayoutBreakers(String message) {
    StringBuilder out = new StringBuilder(message.length());
    message
        .codePoints()
        .forEach(
            cp -> {
              switch (Character.getType(cp)) {
                case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE ->
                    out.append(String.format(Locale.ROOT, "\\u%04x", cp));
                default -> out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}

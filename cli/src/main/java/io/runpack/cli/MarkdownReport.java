package io.runpack.cli;

import io.runpack.domain.model.VerificationReport;

/**
 * Decision Gate's markdown verification report (FORMAT §6), then the newline its CLI prints after
 * it. An error is one list item, as Decision Gate prints it; only characters that would break the
 * one-line-per-error layout or disguise text (line breaks and other controls, bidi and zero-width
 * characters: {@link TextReport#escapeControls}) are shown escaped, so a hostile path cannot add
 * lines such as a forged status. Every message Decision Gate's own verifier makes of an ordinary
 * runpack has none of them, so its report is byte for byte Decision Gate's. Markdown syntax in an
 * error ({@code _}, {@code *}, {@code <}…) is left as it is, as Decision Gate leaves it: the report
 * is text to read, not markup to render.
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
      text.append("- ").append(TextReport.escapeControls(error)).append('\n');
    }
    return text.append('\n').toString();
  }
}

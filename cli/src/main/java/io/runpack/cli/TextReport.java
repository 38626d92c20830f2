package io.runpack.cli;

import io.runpack.domain.model.VerificationReport;

/**
 * The human summary of a verification report. Messages may quote paths from a hostile manifest, so
 * control characters are shown escaped, never sent to the terminal.
 */
final class TextReport {

  private TextReport() {}

  static String of(VerificationReport report) {
    StringBuilder text = new StringBuilder();
    text.append("runpack ")
        .append(report.passed() ? "PASSED" : "FAILED")
        .append(": ")
        .append(report.checkedFiles())
        .append(report.checkedFiles() == 1 ? " file" : " files")
        .append(" checked, ")
        .append(report.errors().size())
        .append(report.errors().size() == 1 ? " error" : " errors")
        .append('\n');
    for (String error : report.errors()) {
      text.append("  - ").append(escapeControls(error)).append('\n');
    }
    return text.toString();
  }

  private static String escapeControls(String message) {
    StringBuilder out = new StringBuilder(message.length());
    message
        .codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20
                  || cp == 0x7f
                  || (cp >= 0x80 && cp < 0xa0)
                  || Character.isSurrogate((char) cp) && cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}

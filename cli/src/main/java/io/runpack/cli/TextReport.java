package io.runpack.cli;

import io.runpack.cli.report.HiddenCharacters;
import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.VerificationReport;
import java.util.Optional;

/**
 * The human summary of a verification report. Messages may quote paths from a hostile manifest, so
 * control, bidi and zero-width characters are shown escaped, never sent to the terminal.
 */
final class TextReport {

  /**
   * The summary's last line when no key was given: a signature beside the manifest is not read, and
   * the manifest's members outside the root hash (tenant, run, generated_at, …) are what a
   * signature would cover, so the reader is told rather than left to assume.
   */
  static final String SIGNATURE_NOT_CHECKED = "signature: not checked (no --public-key)\n";

  private TextReport() {}

  /**
   * The summary's last line: with a public key, the signature's state as the report's JSON names it
   * ({@code signature: valid}, {@code signature: other_bytes}, …); without one, {@link
   * #SIGNATURE_NOT_CHECKED}.
   */
  static String signatureLine(Optional<SignatureStatus> checked) {
    return checked
        .map(status -> "signature: " + status.state().wireName() + "\n")
        .orElse(SIGNATURE_NOT_CHECKED);
  }

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

  /**
   * {@code message} with every character that could hide or disguise text on a terminal shown as a
   * backslash, 'u' and four hex digits: controls (C0, DEL, C1), format characters (the bidi
   * embeddings, overrides and isolates U+202A–202E and U+2066–2069, the marks U+200E, U+200F and
   * U+061C, the zero-width characters U+200B–200D, U+2060 and U+FEFF, …), line and paragraph
   * separators and lone surrogates. A path can then never display reversed, hidden or as another
   * path.
   */
  static String escapeControls(String message) {
    StringBuilder out = new StringBuilder(message.length());
    message
        .codePoints()
        .forEach(
            cp -> {
              if (HiddenCharacters.hides(cp)) {
                out.append(HiddenCharacters.escape(cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}

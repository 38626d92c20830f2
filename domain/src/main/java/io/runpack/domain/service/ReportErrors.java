package io.runpack.domain.service;

import io.runpack.domain.model.VerificationReport;
import io.runpack.json.Utf16;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors of one verification in the order they are found, as its report lists them.
 *
 * <p>Guarantees: every message is well-formed Unicode (a lone surrogate quoted from a hostile
 * manifest becomes U+FFFD), so the report can always be written canonically; the messages listed
 * hold at most {@link #MAX_CHARS} characters together. Decision Gate's messages quote ids from the
 * runpack, so a small hostile log could otherwise make a report of gigabytes (one long trigger id
 * quoted once per evidence item); past the limit, errors are counted and one last error says how
 * many were not listed. A runpack with any error fails either way.
 */
final class ReportErrors {

  /** Most characters of error messages one report lists. */
  static final int MAX_CHARS = 1 << 20;

  private final List<String> listed = new ArrayList<>();
  private long chars;
  private long unlisted;

  void add(String message) {
    String error = Utf16.wellFormed(message);
    if (unlisted == 0 && chars + error.length() <= MAX_CHARS) {
      listed.add(error);
      chars += error.length();
    } else {
      unlisted++;
    }
  }

  VerificationReport report(int checkedFiles) {
    if (unlisted == 0) {
      return new VerificationReport(checkedFiles, listed);
    }
    List<String> errors = new ArrayList<>(listed);
    errors.add(
        unlisted
            + " more errors not listed: a report lists at most "
            + MAX_CHARS
            + " characters of errors");
    return new VerificationReport(checkedFiles, errors);
  }
}

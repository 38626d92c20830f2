package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.model.VerificationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MarkdownReport}: Decision Gate's bytes for text ordinary runpacks hold (an emoji with its
 * variation selector, an ideographic or no-break space), escaped only where a character would break
 * the one-line-per-error layout or hide text (a line break, a bidi override); the text summary
 * escapes more.
 */
class MarkdownReportTest {

  @Test
  void ordinaryTextKeepsDecisionGatesBytesAndOnlyLayoutBreakersAreEscaped() {
    String error =
        "hash mismatch for artifacts/\u2764\ufe0f\u3000notes\u00a0a.json\n- Status: pass\u202e";
    VerificationReport report = new VerificationReport(8, List.of(error));

    assertEquals(
        "# Decision Gate Runpack Verification\n\n- Status: fail\n- Checked files: 8\n\n## Errors\n"
            + "- hash mismatch for artifacts/\u2764\ufe0f\u3000notes\u00a0a.json\\u000a- Status:"
            + " pass\\u202e\n\n",
        MarkdownReport.of(report));
    assertEquals(
        "hash mismatch for artifacts/\u2764\\ufe0f\\u3000notes\\u00a0a.json\\u000a- Status:"
            + " pass\\u202e",
        TextReport.escapeControls(error));
  }
}

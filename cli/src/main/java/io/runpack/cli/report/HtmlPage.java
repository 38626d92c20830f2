package io.runpack.cli.report;

import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.Timestamp;
import java.time.Instant;

/**
 * Renders a {@link RunpackReport} as one self-contained HTML page: the verdict first (with the
 * signature's status), then the run's identity, its files and its timeline ({@link HtmlTables}).
 * Guarantees: every string from the runpack goes through {@link Html#escape}; the page has no
 * script, loads nothing (a Content-Security-Policy forbids all but inline style) and names no URL;
 * the same report gives the same bytes (nothing is read from a clock or the machine).
 */
public final class HtmlPage {

  private final StringBuilder out = new StringBuilder(64 * 1024);

  private HtmlPage() {}

  public static String render(RunpackReport report) {
    HtmlPage page = new HtmlPage();
    page.write(report);
    return page.out.toString();
  }

  private void write(RunpackReport report) {
    String title =
        report
            .manifest()
            .map(m -> "Runpack " + m.scenarioId() + " / " + m.runId())
            .orElse("Runpack report");
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(PageStyle.CONTENT_SECURITY_POLICY)
        .append("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>");
    Html.append(out, title);
    out.append("</title>\n<style>\n").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n");
    verdict(report);
    report.manifest().ifPresent(this::identity);
    HtmlTables.files(out, report);
    HtmlTables.timeline(out, report.logs());
    out.append("<footer>Written by <code>runpack report</code> from <code>");
    Html.append(out, report.location());
    out.append("</code>, manifest <code>");
    Html.append(out, report.manifestName());
    out.append(
        "</code>. Verified offline (FORMAT §3). Every text from the runpack is shown as text; this"
            + " page has no script and loads nothing.</footer>\n</body>\n</html>\n");
  }

  private void verdict(RunpackReport report) {
    var verification = report.verification();
    String status = verification.status();
    out.append("<header class=\"verdict ")
        .append(status)
        .append(
            "\" id=\"verdict\">\n<h1>Runpack verification: <span class=\"status\" id=\"status\">")
        .append(status)
        .append("</span></h1>\n<p id=\"summary\">")
        .append(verification.checkedFiles())
        .append(verification.checkedFiles() == 1 ? " file" : " files")
        .append(" checked, ")
        .append(verification.errors().size())
        .append(verification.errors().size() == 1 ? " error" : " errors")
        .append(".</p>\n");
    if (!verification.errors().isEmpty()) {
      out.append("<ul class=\"errors\" id=\"errors\">\n");
      for (String error : verification.errors()) {
        out.append("<li>");
        Html.append(out, error);
        out.append("</li>\n");
      }
      out.append("</ul>\n");
    }
    signature(report);
    if (report.manifest().isEmpty()) {
      out.append(
          "<p class=\"note\">The manifest is not a v1 manifest: nothing more is shown.</p>\n");
    }
    out.append("</header>\n");
  }

  /**
   * The signature line: checked with the key given (its state, and what was found), or not checked
   * — then what lies beside the manifest is named, never taken for a valid signature.
   */
  private void signature(RunpackReport report) {
    SignatureStatus signature = report.signature();
    out.append("<p id=\"signature\">Signature: <span class=\"signature-state\">");
    if (report.keyGiven()) {
      out.append(signature.state().wireName()).append("</span> — ");
    } else {
      out.append("not checked</span> (no <code>--public-key</code>) — ");
    }
    Html.append(out, signature.message());
    out.append(".</p>\n");
  }

  private void identity(Manifest m) {
    out.append("<section id=\"identity\">\n<h2>Run</h2>\n<dl class=\"identity\">\n");
    item("Tenant", Long.toUnsignedString(m.tenantId()));
    item("Namespace", Long.toUnsignedString(m.namespaceId()));
    item("Scenario", m.scenarioId());
    item("Run", m.runId());
    item("Spec hash", m.specHash().algorithm() + ":" + m.specHash().value());
    item("Generated at", time(m.generatedAt()));
    item("Verifier mode", m.verifierMode());
    item("Security context", m.security().map(HtmlPage::security).orElse("none recorded"));
    item("Anchor policy", m.anchorPolicy().map(HtmlPage::anchors).orElse("none"));
    item(
        "Root hash", m.integrity().rootHash().algorithm() + ":" + m.integrity().rootHash().value());
    item("Manifest version", m.manifestVersion());
    out.append("</dl>\n");
    out.append(
        "<p class=\"note\">As the manifest states them: the root hash covers the files' hashes,"
            + " not these fields. A signature covers the whole manifest (<code>--public-key</code>,"
            + " above).</p>\n");
    out.append("</section>\n");
  }

  private void item(String name, String value) {
    out.append("<dt>").append(name).append("</dt><dd>");
    Html.append(out, value);
    out.append("</dd>\n");
  }

  private static String security(SecurityContext s) {
    return "namespace authority "
        + s.namespaceAuthority()
        + (s.devPermissive() ? ", dev permissive (NOT for production)" : ", not dev permissive");
  }

  private static String anchors(AnchorPolicy policy) {
    if (!policy.hasProviders()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    for (AnchorPolicy.Requirement r : policy.providers()) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(r.providerId())
          .append(" → ")
          .append(r.anchorType())
          .append(" (")
          .append(String.join(", ", r.requiredFields()))
          .append(')');
    }
    return text.toString();
  }

  /** A timestamp as a reader wants it: UTC date and time for unix millis, the number if logical. */
  static String time(Timestamp t) {
    if (t.kind() == Timestamp.Kind.LOGICAL) {
      return "logical " + Long.toUnsignedString(t.value());
    }
    return Instant.ofEpochMilli(t.value()).toString().replace('T', ' ').replace("Z", " UTC");
  }
}

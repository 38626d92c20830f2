package io.runpack.cli.report;

import io.runpack.domain.model.Limits;
import java.util.List;
import java.util.Locale;

/**
 * The page's two tables: every file with its check, and the run as a timeline with a count of each
 * log's records. Every string from the runpack goes through {@link Html#append}; class names and
 * ids are the page's own, never the runpack's.
 */
final class HtmlTables {

  private HtmlTables() {}

  /**
   * A count or a size as the page writes it, digits grouped by threes with commas ({@code 1,028}):
   * the same on every machine, whatever its default locale (which could write {@code 1.028} or
   * other digits).
   */
  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static void files(StringBuilder out, RunpackReport report) {
    out.append("<section id=\"files\">\n<h2>Files</h2>\n");
    out.append(
        "<table>\n<thead><tr><th>Path</th><th>Kind</th><th>Bytes</th><th>SHA-256 (manifest)</th>"
            + "<th>Check</th></tr></thead>\n<tbody>\n");
    for (RunpackReport.FileRow row : report.files()) {
      boolean ok = row.check() == RunpackReport.Check.OK;
      out.append("<tr class=\"file ")
          .append(ok ? "check-ok" : "check-bad")
          .append("\"><td class=\"path\"><code>");
      Html.append(out, row.path());
      out.append("</code></td><td>");
      Html.append(out, row.kind());
      out.append("</td><td class=\"num\">").append(row.bytes() < 0 ? "" : count(row.bytes()));
      out.append("</td><td class=\"hash mono\">");
      Html.append(out, row.expected());
      out.append("</td><td class=\"check\">").append(row.check().text());
      if (!row.note().isEmpty()) {
        out.append(" <span class=\"detail\">");
        Html.append(out, row.note());
        out.append("</span>");
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (report.filesOmitted() > 0) {
      out.append("<p class=\"note\" id=\"files-omitted\">… ")
          .append(count(report.filesOmitted()))
          .append(" more files are listed in the manifest, not shown (at most ")
          .append(count(Limits.MAX_REPORT_FILES))
          .append(" per page).</p>\n");
    }
    out.append("</section>\n");
  }

  static void timeline(StringBuilder out, List<LogSummary> logs) {
    out.append("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    out.append("<table class=\"logs\">\n<thead><tr><th>Log</th><th>Records</th><th>Shown</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (LogSummary log : logs) {
      out.append("<tr class=\"log\"><td><code>");
      Html.append(out, log.path());
      out.append("</code></td>");
      if (log.failure().isPresent()) {
        out.append("<td colspan=\"2\" class=\"check\">could not be shown: ");
        Html.append(out, log.failure().get());
        out.append("</td></tr>\n");
        continue;
      }
      long shown = log.head().size() + log.tail().size();
      out.append("<td class=\"num\">")
          .append(count(log.records()))
          .append("</td><td class=\"num\">")
          .append(count(shown))
          .append(log.omitted() > 0 ? " (first and last)" : "")
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    out.append("<p class=\"note\">At most ")
        .append(Limits.MAX_REPORT_RECORDS_PER_LOG)
        .append(" records of each log are shown: the first and the last half.</p>\n");
    out.append("<table class=\"events\">\n<thead><tr><th>Time</th><th>What</th><th>Caused by</th>")
        .append("<th>Record</th></tr></thead>\n<tbody>\n");
    for (TimelineEntry e : Timeline.of(logs)) {
      if (e.isGap()) {
        out.append("<tr class=\"gap\"><td colspan=\"4\">… ")
            .append(count(e.omitted()))
            .append(" more ")
            .append(e.kind().title())
            .append(" records</td></tr>\n");
        continue;
      }
      boolean caused =
          e.kind() == LogKind.GATE_EVALUATION
              || e.kind() == LogKind.DECISION
              || e.kind() == LogKind.PACKET;
      out.append("<tr class=\"entry ").append(e.kind().name().toLowerCase(Locale.ROOT));
      out.append(caused ? " caused" : "").append("\"><td class=\"time\">");
      out.append(e.at().map(HtmlPage::time).map(Html::escape).orElse(""));
      out.append("</td><td class=\"what\"><span class=\"kind\">")
          .append(e.kind().title())
          .append("</span></td><td>");
      if (e.kind() != LogKind.TRIGGER) {
        Html.append(out, e.cause());
      }
      out.append("</td><td class=\"label\">");
      Html.append(out, e.label());
      if (!e.detail().isEmpty()) {
        out.append(" <span class=\"detail mono\">");
        Html.append(out, e.detail());
        out.append("</span>");
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.Manifest;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runpack report} of the example run, opened from disk in headless Chromium: the rendered
 * page shows the verdict, the run's identity, every file with its hash and check, and the timeline
 * in order; it has no script and sends no request.
 */
class ReportOfTheExampleRunIT {

  @TempDir static Path temp;
  static Chromium chromium;
  static Path runpack;
  static Chromium.Loaded page;
  static CliProcess.Result report;

  @BeforeAll
  static void renderTheExampleRun() {
    chromium = Chromium.require();
    runpack = Reports.exampleRunpack(temp);
    report = CliProcess.run(temp, "report", runpack.toString(), "--html", "example.html");
    page = chromium.load(temp.resolve("example.html"));
  }

  @Test
  void theCommandPassesAndPrintsTheVerdict() {
    assertEquals(0, report.exitCode(), report.stderr());
    assertEquals(
        "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n",
        report.out());
    assertEquals("", report.stderr());
  }

  @Test
  void theVerdictComesFirst() {
    Document dom = page.dom();
    Element first = dom.body().child(0);
    assertEquals("verdict", first.id());
    assertEquals("pass", dom.getElementById("status").text());
    assertEquals("8 files checked, 0 errors.", dom.getElementById("summary").text());
    assertTrue(dom.select("#errors").isEmpty());
  }

  @Test
  void theRunsIdentityIsShown() {
    List<String> names = page.dom().select("#identity dt").eachText();
    List<String> values = page.dom().select("#identity dd").eachText();
    assertEquals(
        List.of(
            "Tenant",
            "Namespace",
            "Scenario",
            "Run",
            "Spec hash",
            "Generated at",
            "Verifier mode",
            "Security context",
            "Anchor policy",
            "Root hash",
            "Manifest version"),
        names);
    Manifest manifest = manifest();
    assertEquals(
        List.of(
            "1",
            "1",
            "release-approval",
            "release-2026-11-26",
            "sha256:6106d36f19bd6ba694b16274c73ea35a39bb0f83561466c35340b9d18ca08861",
            "2026-11-26 08:02:00 UTC",
            "offline_strict",
            "none recorded",
            "none",
            "sha256:" + manifest.integrity().rootHash().value(),
            "v1"),
        values);
    assertEquals(
        "As the manifest states them: the root hash covers the files' hashes, not these fields. A"
            + " signature covers the whole manifest (--public-key, above).",
        page.dom().select("#identity p.note").text());
  }

  @Test
  void everyFileIsListedWithItsKindSizeHashAndCheck() throws Exception {
    Manifest manifest = manifest();
    List<List<String>> rows = Reports.fileRows(page.dom());
    List<FileHash> listed = manifest.integrity().fileHashes();
    assertEquals(listed.size(), rows.size());
    for (int i = 0; i < listed.size(); i++) {
      FileHash file = listed.get(i);
      String kind = manifest.artifacts().get(i).kind().wireName();
      long size = Files.size(runpack.resolve(file.path()));
      assertEquals(
          List.of(
              file.path(),
              kind,
              String.format(Locale.ROOT, "%,d", size),
              file.hash().value(),
              "ok"),
          rows.get(i),
          file.path());
    }
  }

  @Test
  void theTimelineShowsTheRunInOrder() {
    assertEquals(
        List.of(
            List.of(
                "2026-11-26 08:00:00.125 UTC",
                "trigger",
                "",
                "start · external_event · from release-bot"
                    + " {\"requested_by\":\"release-bot\",\"ticket\":\"CHG-8812\"}"),
            List.of(
                "2026-11-26 08:00:00.125 UTC", "decision", "start", "decision-1 · start · release"),
            List.of(
                "2026-11-26 08:00:00.125 UTC",
                "packet",
                "decision-1",
                "release-notes · release-notes-v1"
                    + " {\"kind\":\"json\",\"value\":{\"changes\":37,\"service\":\"payments-api\","
                    + "\"version\":\"4.2.0\"}}"),
            List.of(
                "2026-11-26 08:00:42 UTC",
                "submission",
                "",
                "approval-1 · text/plain"
                    + " {\"kind\":\"text\",\"value\":\"Approved by on-call: no open incidents ✔\"}"),
            List.of("2026-11-26 08:01:01.499 UTC", "tool call", "", "call-1 · scenario.trigger"),
            List.of(
                "2026-11-26 08:01:01.502 UTC",
                "trigger",
                "",
                "ci-finished · external_event · from ci"
                    + " {\"pipeline\":\"payments-api\",\"run\":48211,\"sha\":\"9f1c2e7\"}"),
            List.of(
                "2026-11-26 08:01:01.502 UTC",
                "gate evaluation",
                "ci-finished",
                "ready-to-ship · True · release"
                    + " [{\"condition_id\":\"ci_green\",\"status\":\"True\"},"
                    + "{\"condition_id\":\"change_window_open\",\"status\":\"True\"}]"),
            List.of(
                "2026-11-26 08:01:01.502 UTC",
                "decision",
                "ci-finished",
                "decision-2 · complete · release")),
        Reports.timelineRows(page.dom()));
    assertEquals(
        List.of("2", "1", "2", "1", "1", "1"),
        page.dom().select("#timeline table.logs tbody tr td:eq(1)").eachText());
  }

  @Test
  void thePageHasNoScriptAndSendsNoRequest() {
    assertEquals(List.of(), page.requests());
    assertTrue(page.dom().select("script, img, link, iframe, object, embed").isEmpty());
    assertEquals(
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
        page.dom().select("meta[http-equiv=Content-Security-Policy]").attr("content"));
    for (Element element : page.dom().select("html, html *")) {
      assertTrue(Reports.PAGE_TAGS.contains(element.tagName()), element.tagName());
      element
          .attributes()
          .forEach(a -> assertTrue(Reports.PAGE_ATTRIBUTES.contains(a.getKey()), a.getKey()));
    }
    assertTrue(!page.dom().select("style").html().contains("url("), "no URL in the stylesheet");
  }

  @Test
  void thePageHasAPrintStylesheet() {
    assertTrue(page.dom().select("style").html().contains("@media print"));
  }

  private static Manifest manifest() {
    JsonValue json =
        io.runpack.adapters.support.LocalRunpack.json(
            Fixtures.read(runpack.resolve("manifest.json")));
    return Manifest.fromJson(json);
  }
}

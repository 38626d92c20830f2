package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.model.ArtifactKind;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.model.Timestamp;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonString;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runpack whose strings are markup and script (in log payloads, ids, file paths, the manifest's
 * identity) renders in headless Chromium with every one shown as text: no element, attribute or
 * script of the runpack's in the page, the page's own structure intact, bidi controls shown.
 */
class ReportInjectionIT {

  static final String SCRIPT = "<script>document.title='pwned'</script>";
  static final String IMAGE = "<img src=x onerror=\"document.title='pwned'\">";
  static final String BREAKOUT = "</td></tr></table><h1 id=\"injected\">x</h1>";
  static final String ATTRIBUTE = "\"'><svg onload=alert(1)>";
  static final String BIDI = "\u202egnp.exe";

  @TempDir Path temp;

  @Test
  void hostilePayloadsAndIdsInTheLogsAreShownAsText() throws Exception {
    Chromium chromium = Chromium.require();
    Path runs = hostileRunStore();
    Path runpack = Reports.export(temp, Reports.EXAMPLE_REQUEST, runs, temp.resolve("hostile"));

    CliProcess.Result report =
        CliProcess.run(temp, "report", runpack.toString(), "--html", "hostile.html");
    Chromium.Loaded page = chromium.load(temp.resolve("hostile.html"));

    assertEquals(0, report.exitCode(), report.stderr());
    assertNothingInjected(page);
    List<List<String>> rows = Reports.timelineRows(page.dom());
    String hostileTrigger = BREAKOUT + SCRIPT;
    assertTrue(
        rows.contains(
            List.of(
                "2026-11-26 08:01:01.502 UTC",
                "decision",
                hostileTrigger,
                IMAGE + " · complete · release")),
        rows.toString());
    assertTrue(
        rows.stream().anyMatch(r -> r.get(3).startsWith(hostileTrigger + " · external_event")),
        rows.toString());
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get(3)
                        .contains(
                            "{\"kind\":\"text\",\"value\":\"\\\""
                                + ATTRIBUTE.substring(1)
                                + "\\u202egnp.exe\"}")),
        rows.toString());
  }

  @Test
  void hostilePathsAndIdentityInTheManifestAreShownAsText() throws Exception {
    Chromium chromium = Chromium.require();
    Path runpack = temp.resolve("paths");
    String path = "artifacts/" + IMAGE.replace('/', '_') + ".json";
    byte[] log =
        ("[{\"event\":{\"trigger_id\":\"" + BIDI + "\"}}]").getBytes(StandardCharsets.UTF_8);
    Fixtures.write(runpack.resolve(path), log);
    Fixtures.write(
        runpack.resolve("artifacts/decisions.json"), "[]".getBytes(StandardCharsets.UTF_8));
    HashDigest hash = Sha256.of(log);
    List<FileHash> listed =
        List.of(
            new FileHash(path, hash),
            new FileHash(
                "artifacts/decisions.json", Sha256.of("[]".getBytes(StandardCharsets.UTF_8))),
            new FileHash("artifacts/" + SCRIPT.replace('/', '_'), hash));
    Manifest manifest =
        new Manifest(
            Manifest.VERSION_V1,
            Timestamp.logical(7),
            1,
            1,
            SCRIPT,
            BREAKOUT,
            HashDigest.sha256("0".repeat(64)),
            Manifest.OFFLINE_STRICT,
            Optional.empty(),
            Optional.of(new SecurityContext(true, ATTRIBUTE)),
            Integrity.over(listed),
            List.of(ArtifactRecord.exported(ArtifactKind.TRIGGER_LOG, path, hash)));
    Files.write(runpack.resolve("manifest.json"), CanonicalJson.toBytes(manifest.toJson()));

    CliProcess.Result report =
        CliProcess.run(temp, "report", runpack.toString(), "--html", "paths.html");
    Chromium.Loaded page = chromium.load(temp.resolve("paths.html"));

    assertEquals(1, report.exitCode(), report.stderr());
    assertNothingInjected(page);
    Document dom = page.dom();
    assertEquals("Runpack " + SCRIPT + " / " + BREAKOUT, dom.title());
    List<String> identity = dom.select("#identity dd").eachText();
    assertEquals(SCRIPT, identity.get(2));
    assertEquals(BREAKOUT, identity.get(3));
    assertEquals(
        "namespace authority " + ATTRIBUTE + ", dev permissive (NOT for production)",
        identity.get(7));
    List<List<String>> files = Reports.fileRows(dom);
    assertEquals(path, files.get(0).get(0));
    assertEquals("artifacts/" + SCRIPT.replace('/', '_'), files.get(2).get(0));
    assertTrue(files.get(2).get(4).startsWith("read failed"), files.get(2).toString());
    assertTrue(
        dom.select("#errors li").eachText().stream()
            .anyMatch(e -> e.contains(SCRIPT.replace('/', '_'))),
        dom.select("#errors").text());
    assertTrue(
        Reports.timelineRows(dom).stream().anyMatch(r -> r.get(3).startsWith("\\u202egnp.exe")),
        Reports.timelineRows(dom).toString());
  }

  /** The page is only the page's own elements and attributes: nothing of the runpack's. */
  static void assertNothingInjected(Chromium.Loaded page) {
    Document dom = page.dom();
    assertEquals(List.of(), page.requests());
    assertTrue(dom.select("script, img, svg, iframe, object, embed, link, #injected").isEmpty());
    assertEquals(1, dom.select("h1").size());
    assertEquals(1, dom.select("#timeline table.events").size());
    for (Element element : dom.select("html, html *")) {
      assertTrue(Reports.PAGE_TAGS.contains(element.tagName()), element.tagName());
      element
          .attributes()
          .forEach(a -> assertTrue(Reports.PAGE_ATTRIBUTES.contains(a.getKey()), a.getKey()));
    }
    assertTrue(!dom.title().equals("pwned"));
    assertTrue(!page.html().contains("\u202e"), "no bidi override reaches the page");
  }

  /** The example run with markup and script in its logs' ids and payloads (the spec untouched). */
  private Path hostileRunStore() throws Exception {
    Path example = Reports.EXAMPLES.resolve("runs/1/1/release-2026-11-26.json");
    String bundle =
        Files.readString(example, StandardCharsets.UTF_8)
            .replace("\"ci-finished\"", literal(BREAKOUT + SCRIPT))
            .replace("\"decision-2\"", literal(IMAGE))
            .replace(
                "\"Approved by on-call: no open incidents \\u2714\"", literal(ATTRIBUTE + BIDI));
    assertTrue(bundle.contains("pwned") && bundle.contains("svg"));
    Path runs = temp.resolve("runs");
    Fixtures.write(
        runs.resolve("1/1/release-2026-11-26.json"), bundle.getBytes(StandardCharsets.UTF_8));
    return runs;
  }

  private static String literal(String text) {
    return new String(CanonicalJson.toBytes(new JsonString(text)), StandardCharsets.UTF_8);
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.model.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runpack changed after export: the page is still written, and in headless Chromium it shows the
 * failure first, every error, and which file failed its check.
 */
class ReportOfATamperedRunpackIT {

  @TempDir Path temp;

  @Test
  void theFailureAndTheChangedFileAreShown() throws Exception {
    Chromium chromium = Chromium.require();
    Path runpack = Reports.exampleRunpack(temp);
    Path triggers = runpack.resolve("artifacts/triggers.json");
    byte[] changed =
        Files.readString(triggers, StandardCharsets.UTF_8)
            .replace("release-bot", "release-b0t")
            .getBytes(StandardCharsets.UTF_8);
    Files.write(triggers, changed);

    CliProcess.Result report =
        CliProcess.run(temp, "report", runpack.toString(), "--html", "tampered.html");
    Document dom = chromium.load(temp.resolve("tampered.html")).dom();

    assertEquals(1, report.exitCode(), report.stderr());
    assertEquals(
        "runpack FAILED: 8 files checked, 1 error\n  - hash mismatch for artifacts/triggers.json\n"
            + "signature: not checked (no --public-key)\n",
        report.out());
    assertEquals("verdict", dom.body().child(0).id());
    assertTrue(dom.body().child(0).hasClass("fail"));
    assertEquals("fail", dom.getElementById("status").text());
    assertEquals("8 files checked, 1 error.", dom.getElementById("summary").text());
    assertEquals(
        List.of("hash mismatch for artifacts/triggers.json"), dom.select("#errors li").eachText());
    List<List<String>> files = Reports.fileRows(dom);
    assertEquals("artifacts/triggers.json", files.get(1).get(0));
    assertEquals("hash mismatch actual SHA-256 " + Sha256.of(changed).value(), files.get(1).get(4));
    assertEquals(
        7, files.stream().filter(row -> row.get(4).equals("ok")).count(), files.toString());
    assertTrue(
        Reports.timelineRows(dom).get(0).get(3).contains("from release-b0t"),
        "the page shows the bytes that were checked");
  }
}

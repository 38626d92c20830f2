package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report tests' claim "the page sends no request" can fail: a page that references a
 * stylesheet, an image or a script on the network is caught by the same browser setup, and a page
 * with none is not.
 */
class BrowserCatchesNetworkRequestsIT {

  @TempDir Path temp;

  @Test
  void aPageReferencingTheNetworkIsCaught() throws Exception {
    Chromium chromium = Chromium.require();
    Path bad = temp.resolve("bad.html");
    Files.writeString(
        bad,
        "<!DOCTYPE html><html><head><link rel=\"stylesheet\""
            + " href=\"http://runpack-probe.invalid/style.css\"></head><body>"
            + "<img src=\"http://runpack-probe.invalid/pixel.png\" alt=\"\">"
            + "<p>bad</p></body></html>",
        StandardCharsets.UTF_8);

    List<String> requests = chromium.load(bad).requests();

    assertTrue(
        requests.contains("GET http://runpack-probe.invalid/style.css HTTP/1.1"),
        requests.toString());
    assertTrue(
        requests.contains("GET http://runpack-probe.invalid/pixel.png HTTP/1.1"),
        requests.toString());
  }

  @Test
  void aPageReferencingNothingIsNot() throws Exception {
    Chromium chromium = Chromium.require();
    Path good = temp.resolve("good.html");
    Files.writeString(
        good, "<!DOCTYPE html><html><body><p>good</p></body></html>", StandardCharsets.UTF_8);

    Chromium.Loaded loaded = chromium.load(good);

    assertEquals(List.of(), loaded.requests());
    assertEquals("good", loaded.dom().select("p").text());
  }
}

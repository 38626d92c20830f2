package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
    List<String> requests =
        load(
                "bad.html",
                "<!DOCTYPE html><html><head><link rel=\"stylesheet\""
                    + " href=\"http://runpack-probe.invalid/style.css\"></head><body>"
                    + "<img src=\"http://runpack-probe.invalid/pixel.png\" alt=\"\">"
                    + "<p>bad</p></body></html>")
            .requests();

    assertTrue(
        requests.contains("GET http://runpack-probe.invalid/style.css HTTP/1.1"),
        requests.toString());
    assertTrue(
        requests.contains("GET http://runpack-probe.invalid/pixel.png HTTP/1.1"),
        requests.toString());
  }

  @Test
  void googleHostsAPageCouldUseAreCaughtToo() throws Exception {
    List<String> requests =
        load(
                "fonts.html",
                "<!DOCTYPE html><html><head><link rel=\"stylesheet\""
                    + " href=\"http://fonts.googleapis.com/css?family=Inter\"></head><body>"
                    + "<img src=\"http://www.gstatic.com/pixel.png\" alt=\"\"></body></html>")
            .requests();

    assertTrue(
        requests.contains("GET http://fonts.googleapis.com/css?family=Inter HTTP/1.1"),
        requests.toString());
    assertTrue(
        requests.contains("GET http://www.gstatic.com/pixel.png HTTP/1.1"), requests.toString());
  }

  /**
   * A preconnect to a plain-HTTP host opens a connection to the proxy and sends nothing on it: the
   * trap records it, and a second load (the one {@link Chromium#load} makes when a load left
   * nothing else) records it again.
   */
  @Test
  void aPreconnectThatSendsNothingIsCaught() throws Exception {
    Chromium.Loaded loaded =
        load(
            "preconnect.html",
            "<!DOCTYPE html><html><head><link rel=\"preconnect\" href=\"http://runpack-probe.invalid\">"
                + "</head><body><p>preconnect</p></body></html>");

    assertEquals(List.of(NetworkTrap.NOTHING_SENT), loaded.requests());
  }

  @Test
  void onlyTheBrowsersOwnServicesAreSetApart() {
    assertEquals(
        "update.googleapis.com", NetworkTrap.host("CONNECT update.googleapis.com:443 HTTP/1.1"));
    assertEquals(
        "update.googleapis.com",
        NetworkTrap.host("POST http://update.googleapis.com/service/update2/json?x=1 HTTP/1.1"));
    assertEquals(
        "fonts.googleapis.com",
        NetworkTrap.host("GET http://fonts.googleapis.com:80/css HTTP/1.1"));
    assertEquals("", NetworkTrap.host(NetworkTrap.NOTHING_SENT));
    assertTrue(NetworkTrap.BROWSER_SERVICES.contains("accounts.google.com"));
    assertFalse(NetworkTrap.BROWSER_SERVICES.contains("fonts.googleapis.com"));
  }

  @Test
  void aPageReferencingNothingIsNot() throws Exception {
    Chromium.Loaded loaded =
        load("good.html", "<!DOCTYPE html><html><body><p>good</p></body></html>");

    assertEquals(List.of(), loaded.requests());
    assertEquals("good", loaded.dom().select("p").text());
  }

  /** The page {@code html}, written as {@code name} and loaded in the tests' browser setup. */
  private Chromium.Loaded load(String name, String html) throws IOException {
    Chromium chromium = Chromium.require();
    Path page = temp.resolve(name);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return chromium.load(page);
  }
}

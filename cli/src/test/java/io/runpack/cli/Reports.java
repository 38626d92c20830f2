package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Runpacks to report on, made with the real {@code runpack} jar, and ways to read their pages. */
final class Reports {

  static final Path EXAMPLES =
      Path.of(System.getProperty("test.examples.dir", "../examples")).toAbsolutePath();

  static final Path EXAMPLE_REQUEST = EXAMPLES.resolve("requests/release-2026-11-26.json");

  /** The tags a report page is made of: anything else in a rendered page was injected. */
  static final List<String> PAGE_TAGS =
      List.of(
          "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "span", "p", "ul",
          "li", "section", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "code",
          "footer");

  /** The attributes a report page uses: none can load anything or run anything. */
  static final List<String> PAGE_ATTRIBUTES =
      List.of("lang", "charset", "http-equiv", "content", "name", "class", "id", "colspan");

  private Reports() {}

  /** Exports {@code request} from the run store {@code runs} into {@code dir}, as a user does. */
  static Path export(Path workingDir, Path request, Path runs, Path dir) {
    CliProcess.Result export =
        CliProcess.run(
            workingDir,
            "export",
            "--request",
            request.toString(),
            "--runs",
            runs.toString(),
            "--output-dir",
            dir.toString());
    assertEquals(0, export.exitCode(), export.stderr());
    return dir;
  }

  /** The example run's runpack, exported into {@code workingDir/example}. */
  static Path exampleRunpack(Path workingDir) {
    return export(
        workingDir, EXAMPLE_REQUEST, EXAMPLES.resolve("runs"), workingDir.resolve("example"));
  }

  /** The text of each cell of the files table's rows, by row. */
  static List<List<String>> fileRows(Document dom) {
    return rows(dom.select("#files tbody tr"));
  }

  /** The text of each cell of the timeline's entries (gaps included), by row. */
  static List<List<String>> timelineRows(Document dom) {
    return rows(dom.select("#timeline table.events tbody tr"));
  }

  private static List<List<String>> rows(List<Element> rows) {
    return rows.stream().map(r -> r.select("td").stream().map(Element::text).toList()).toList();
  }
}

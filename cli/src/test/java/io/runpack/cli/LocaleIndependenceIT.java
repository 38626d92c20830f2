package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same bytes on every machine, whatever its default locale: the real
 * command, run in JVMs whose locale writes other digits (Marathi: Devanagari digits) or other
 * separators (Turkish: 1.028 for 1,028), prints and writes exactly what it does under English.
 */
class LocaleIndependenceIT {

  /** The reference: what every existing test expects. */
  static final List<String> ENGLISH = List.of("-Duser.language=en", "-Duser.country=US");

  static final List<List<String>> OTHER_LOCALES =
      List.of(
          List.of("-Duser.language=mr", "-Duser.country=IN"),
          List.of("-Duser.language=tr", "-Duser.country=TR"));

  @TempDir Path temp;

  @Test
  void theReportPageIsTheSameInEveryLocale() throws IOException {
    Path runpack = Reports.exampleRunpack(temp);
    String english = page(runpack, ENGLISH, "en.html");
    assertTrue(
        english.contains(
            "<code>artifacts/scenario_spec.json</code></td><td>scenario_spec</td>"
                + "<td class=\"num\">1,028</td>"),
        "the scenario spec's size as English writes it: " + english);

    for (List<String> locale : OTHER_LOCALES) {
      assertEquals(
          english, page(runpack, locale, locale.get(0).substring(16) + ".html"), locale.toString());
    }
  }

  @Test
  void aCanonicalizeErrorIsTheSameInEveryLocale() {
    byte[] json = "{\"a\":\"abcdefghijkl\\ud800\"}".getBytes(StandardCharsets.UTF_8);
    for (List<String> locale : locales()) {
      CliProcess.run(temp, locale, Map.of(), json, "canonicalize")
          .assertFailure(2, "invalid_json", "string contains a lone surrogate U+D800 at index 12");
    }
  }

  @Test
  void aRunStoreErrorIsTheSameInEveryLocale() throws IOException {
    Path runs = Fixtures.copyTree(Reports.EXAMPLES.resolve("runs"), temp.resolve("runs"));
    Path bundle = runs.resolve("1/1/release-2026-11-26.json");
    Files.writeString(
        bundle,
        Files.readString(bundle)
            .replace("\"source_id\": \"release-bot\"", "\"source_id\": \"\\ud800\""));
    String english = export(runs, ENGLISH).stderr();
    assertTrue(
        Pattern.compile("lone surrogate U\\+D800 at byte [0-9]{4,}\"}}\n$").matcher(english).find(),
        english);
    for (List<String> locale : OTHER_LOCALES) {
      CliProcess.Result result = export(runs, locale);
      assertEquals(3, result.exitCode(), result.stderr());
      assertEquals(english, result.stderr(), locale.toString());
    }
  }

  private CliProcess.Result export(Path runs, List<String> locale) {
    return CliProcess.run(
        temp,
        locale,
        Map.of(),
        new byte[0],
        "export",
        "--request",
        Reports.EXAMPLE_REQUEST.toString(),
        "--runs",
        runs.toString(),
        "--output-dir",
        "out");
  }

  private static List<List<String>> locales() {
    return Stream.concat(Stream.of(ENGLISH), OTHER_LOCALES.stream()).toList();
  }

  private String page(Path runpack, List<String> locale, String name) throws IOException {
    CliProcess.Result report =
        CliProcess.run(
            temp, locale, Map.of(), new byte[0], "report", runpack.toString(), "--html", name);
    assertEquals(0, report.exitCode(), report.stderr());
    assertEquals("runpack PASSED: 8 files checked, 0 errors\n", report.out());
    return Files.readString(temp.resolve(name));
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same bytes on every machine, whatever its default locale: the real
 * command, run in JVMs whose locale writes other digits (Marathi: Devanagari digits) or other
 * separators (Turkish: 1.028 for 1,028), prints and writes exactly what it does under English. And
 * no main source of any module formats with the default locale.
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

  /**
   * Every {@code String.format}, {@code printf}, logger format call and case mapping in the main
   * sources of every module names its locale ({@code Locale.ROOT}), so none can depend on the
   * machine's.
   */
  @Test
  void noMainSourceFormatsWithTheDefaultLocale() throws IOException {
    Path repository = Path.of(System.getProperty("test.repository.dir", ".."));
    Pattern defaultLocale =
        Pattern.compile(
            "String\\.format\\(\\s*+(?!(?:java\\.util\\.)?Locale\\.ROOT\\b)"
                + "|\\.printf\\(\\s*+(?!(?:java\\.util\\.)?Locale\\.ROOT\\b)"
                + "|\\.formatted\\("
                + "|\\b(?:trace|debug|info|warn|error|fatal|log)[fv]\\("
                + "|\\bNumberFormat\\.get|\\bnew DecimalFormat\\b|\\bMessageFormat\\b"
                + "|\\bnew Formatter\\("
                + "|\\.to(?:Upper|Lower)Case\\(\\)");
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> modules = Files.list(repository)) {
      for (Path main :
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> sources = Files.walk(main)) {
          for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
            files++;
            String code = withoutComments(Files.readString(source));
            Matcher m = defaultLocale.matcher(code);
            while (m.find()) {
              int line =
                  1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
              found.add(repository.relativize(source) + ":" + line + ": " + m.group());
            }
          }
        }
      }
    }
    assertTrue(files > 100, "the main sources were found under " + repository + ": " + files);
    assertEquals(List.of(), found, "formatting with the default locale");
  }

  /**
   * The code without its comments (line breaks kept, so lines still count); string and character
   * literals are kept as they are, so that a {@code "//"} or {@code "/*"} in one starts no comment.
   */
  private static String withoutComments(String code) {
    Matcher m =
        Pattern.compile(
                "\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|/\\*.*?\\*/|//[^\\n]*",
                Pattern.DOTALL)
            .matcher(code);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String kept = m.group().startsWith("/") ? m.group().replaceAll("[^\\n]", "") : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    return m.appendTail(out).toString();
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
    assertEquals(
        "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n",
        report.out());
    return Files.readString(temp.resolve(name));
  }
}

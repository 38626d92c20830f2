package io.runpack.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runpack.json.Canonicalizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of the library, each loaded on its own, measured in turn on the logs asked for. */
class LibraryAbProbeTest {

  /** The library as this build has it: a jar, or its classes' directory. */
  private static Path thisBuild() throws Exception {
    return Path.of(Canonicalizer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void reportsEachLogInTheOrderAskedWithTheRatioWithinItsRounds() throws Throwable {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<CoreLog> logs = List.of(CoreLog.GATE_EVALS, CoreLog.TRIGGERS);
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      LibraryAbProbe.run(thisBuild(), thisBuild(), 3, 30_000_000L, 1024, logs, out);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertEquals(
        List.of("GATE_EVALS", "TRIGGERS"), lines.stream().map(l -> l.get("log").asText()).toList());
    for (JsonNode line : lines) {
      assertEquals(3, line.get("rounds").asInt());
      assertTrue(line.get("document_bytes").asInt() > 0, line.toString());
      assertTrue(
          line.get("a_us").asDouble() > 0 && line.get("b_us").asDouble() > 0, line.toString());
      double median = line.get("a_vs_b").asDouble();
      JsonNode range = line.get("a_vs_b_range");
      assertTrue(
          range.get(0).asDouble() <= median && median <= range.get(1).asDouble(), line.toString());
    }
  }

  @Test
  void runsInJvmsOfTheirOwnAndGivesEachOnesRatio() throws Throwable {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      LibraryAbProbe.forked(
          thisBuild(), thisBuild(), 2, 20_000_000L, 1024, List.of(CoreLog.GATE_EVALS), 2, out);
    }
    JsonNode line = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    assertEquals("GATE_EVALS", line.get("log").asText());
    assertEquals(2, line.get("forks").asInt());
    JsonNode forks = line.get("a_vs_b_forks");
    assertEquals(2, forks.size(), line.toString());
    double median = line.get("a_vs_b").asDouble(); // of two: their mean
    assertEquals(
        (forks.get(0).asDouble() + forks.get(1).asDouble()) / 2, median, 0.0011, line.toString());
    assertTrue(line.get("a_us").asDouble() > 0 && line.get("b_us").asDouble() > 0, line.toString());
  }

  @Test
  void forksTakeTheHeapAndTuningButNoAgentDebuggerOrLogging() {
    for (String option :
        List.of("-Xmx1g", "-Xms1g", "-XX:+UseParallelGC", "-XX:MaxInlineLevel=15")) {
      assertTrue(LibraryAbProbe.forwarded(option), option);
    }
    for (String option :
        List.of(
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-javaagent:/tmp/agent.jar",
            "-Xlog:gc",
            "-verbose:gc",
            "-XX:+PrintCompilation",
            "-XX:+LogCompilation",
            "-XX:StartFlightRecording=filename=a.jfr",
            "-Dfile.encoding=UTF-8")) {
      assertFalse(LibraryAbProbe.forwarded(option), option);
    }
  }

  @Test
  void refusesToCompareBuildsThatWriteDifferentBytes(@TempDir Path directory) throws Throwable {
    Path source = directory.resolve("src/io/runpack/json/Canonicalizer.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package io.runpack.json;\n"
            + "public final class Canonicalizer {\n"
            + "  public byte[] canonicalize(byte[] json, int maxBytes) { return new byte[] {'x'}; }\n"
            + "}\n");
    Path classes = Files.createDirectories(directory.resolve("classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString());
    assertEquals(0, status, "the other build compiles");

    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                LibraryAbProbe.run(
                    thisBuild(),
                    classes,
                    1,
                    1_000_000L,
                    1024,
                    List.of(CoreLog.TRIGGERS),
                    System.out));
    assertEquals(
        "the two builds write different bytes for TRIGGERS at 1024 bytes", refused.getMessage());
  }

  @Test
  void namesABuildThatIsNotThere(@TempDir Path directory) {
    Path missing = directory.resolve("canonical-json.jar");
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LibraryAbProbe.run(
                    missing, missing, 1, 1_000_000L, 1024, List.of(CoreLog.TRIGGERS), System.out));
    assertEquals("no such build of the library: " + missing, refused.getMessage());
  }
}

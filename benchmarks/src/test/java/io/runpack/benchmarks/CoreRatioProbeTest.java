package io.runpack.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paired probe measures every operation on every log and reports consistent ratios. */
class CoreRatioProbeTest {

  @Test
  void reportsEveryLogWithRatiosBetweenTheirLowestAndHighestRounds() throws Exception {
    checkLines(run("cpu"), "cpu");
  }

  @Test
  void timesTheSameBatchesByTheWallClockOnRequest() throws Exception {
    checkLines(run("wall"), "wall");
  }

  @Test
  void refusesAClockItDoesNotHave() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("thread"));
    assertEquals("clock must be cpu or wall, not \"thread\"", e.getMessage());
  }

  private static String run(String clock) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      CoreRatioProbe.run(3, 30_000_000L, new int[] {1024}, clock, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void checkLines(String printed, String clock) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : printed.split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertEquals(
        Arrays.stream(CoreLog.values()).map(Enum::name).toList(),
        lines.stream().map(l -> l.get("log").asText()).toList());
    for (JsonNode line : lines) {
      assertEquals(1024, line.get("bytes").asInt());
      assertEquals(clock, line.get("clock").asText());
      assertEquals(3, line.get("rounds").asInt());
      for (String time :
          List.of("runpack_us", "a_us", "b_us", "floor_us", "hash_us", "canonical_input_us")) {
        assertTrue(line.get(time).asDouble() > 0, line.toString());
      }
      assertTrue(line.get("canonical_input_vs_b").asDouble() > 0, line.toString());
      for (String ratio : List.of("runpack_vs_a", "runpack_vs_b", "runpack_vs_floor")) {
        double median = line.get(ratio).asDouble();
        JsonNode range = line.get(ratio + "_range");
        assertTrue(Double.isFinite(median) && median > 0, line.toString());
        assertTrue(
            range.get(0).asDouble() <= median && median <= range.get(1).asDouble(),
            line.toString());
      }
    }
  }
}

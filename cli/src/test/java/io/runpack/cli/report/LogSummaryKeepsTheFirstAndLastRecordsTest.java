package io.runpack.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link LogSummary}: a log of any length becomes its count and at most {@link
 * Limits#MAX_REPORT_RECORDS_PER_LOG} entries (its first and last halves); a log that is not a JSON
 * array of records shows no entry and says why.
 */
class LogSummaryKeepsTheFirstAndLastRecordsTest {

  @Test
  void aLongLogKeepsItsFirstAndLastHalvesAndCountsTheRest() {
    int records = 10_000;
    LogSummary summary = LogSummary.of(LogKind.DECISION, "d.json", decisions(records));

    int half = Limits.MAX_REPORT_RECORDS_PER_LOG / 2;
    assertEquals(records, summary.records());
    assertEquals(half, summary.head().size());
    assertEquals(half, summary.tail().size());
    assertEquals(records - 2L * half, summary.omitted());
    assertEquals("d0 · start · s", summary.head().get(0).label());
    assertEquals("d" + (records - 1) + " · start · s", summary.tail().get(half - 1).label());
    assertEquals(Optional.of(Timestamp.unixMillis(records - 1)), summary.tail().get(half - 1).at());
    assertEquals(records - half, summary.tail().get(0).index());
  }

  @Test
  void theTimelineMarksWhereRecordsAreLeftOut() {
    LogSummary summary = LogSummary.of(LogKind.DECISION, "d.json", decisions(1_000));

    List<TimelineEntry> timeline = Timeline.of(List.of(summary));

    int half = Limits.MAX_REPORT_RECORDS_PER_LOG / 2;
    assertEquals(2 * half + 1, timeline.size());
    TimelineEntry gap = timeline.get(half);
    assertTrue(gap.isGap());
    assertEquals(1_000 - 2L * half, gap.omitted());
    assertEquals("d" + (half - 1) + " · start · s", timeline.get(half - 1).label());
    assertEquals("d" + (1_000 - half) + " · start · s", timeline.get(half + 1).label());
  }

  @Test
  void aLogThatIsNotAnArrayOfRecordsShowsWhy() {
    LogSummary object = LogSummary.of(LogKind.TRIGGER, "t.json", bytes("{}"));
    LogSummary broken = LogSummary.of(LogKind.TRIGGER, "t.json", bytes("[{\"a\":1},"));

    assertEquals(Optional.of("not an array of records but object"), object.failure());
    assertTrue(broken.failure().orElseThrow().startsWith("not valid JSON: "), broken.toString());
    assertEquals(List.of(), broken.head());
  }

  @Test
  void longValuesAreCut() {
    String payload = "x".repeat(5_000);
    LogSummary summary =
        LogSummary.of(
            LogKind.SUBMISSION,
            "s.json",
            bytes("[{\"submission_id\":\"a\",\"payload\":{\"value\":\"" + payload + "\"}}]"));

    String detail = summary.head().get(0).detail();
    assertEquals(RecordFields.MAX_TEXT, detail.codePointCount(0, detail.length()));
    assertTrue(detail.endsWith("…"));
  }

  private static byte[] decisions(int count) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"decided_at\":{\"kind\":\"unix_millis\",\"value\":")
          .append(i)
          .append("},\"decision_id\":\"d")
          .append(i)
          .append("\",\"outcome\":{\"kind\":\"start\",\"stage_id\":\"s\"},\"trigger_id\":\"t")
          .append(i)
          .append("\"}");
    }
    return bytes(json.append(']').toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

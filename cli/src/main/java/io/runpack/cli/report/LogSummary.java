package io.runpack.cli.report;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.json.JsonException;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonStream.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One log of a runpack, summarised for the timeline: how many records it has, its first and last
 * {@link Limits#MAX_REPORT_RECORDS_PER_LOG}/2 records as entries, or why it could not be read. Read
 * as a stream ({@link JsonStream}), never as a tree: memory is bounded by the entries kept,
 * whatever the log's size.
 */
public record LogSummary(
    LogKind kind,
    String path,
    long records,
    List<TimelineEntry> head,
    List<TimelineEntry> tail,
    Optional<String> failure) {

  static final int KEEP_EACH_END = Limits.MAX_REPORT_RECORDS_PER_LOG / 2;

  public LogSummary {
    head = List.copyOf(head);
    tail = List.copyOf(tail);
  }

  /** Records counted but not shown. */
  public long omitted() {
    return records - head.size() - tail.size();
  }

  /**
   * Summarises {@code json}, the bytes of the log at {@code path}, in one pass that checks the
   * whole text, counts the records, reads the first ones and remembers where the last ones start;
   * those are read again from there, alone.
   */
  static LogSummary of(LogKind kind, String path, byte[] json) {
    List<TimelineEntry> head = new ArrayList<>(KEEP_EACH_END);
    int[] tailStarts = new int[KEEP_EACH_END];
    long records = 0;
    try {
      JsonStream stream = JsonStream.of(json);
      Token first = stream.next();
      if (first != Token.START_ARRAY) {
        return failed(kind, path, "not an array of records but " + first.typeName());
      }
      while (stream.next() != Token.END_ARRAY) {
        if (records < KEEP_EACH_END) {
          head.add(kind.entry(records, RecordFields.read(stream, json, kind.descend())));
        } else {
          tailStarts[(int) (records % KEEP_EACH_END)] = stream.tokenStart();
          stream.skip();
        }
        records++;
      }
      while (stream.next() != null) {
        // the end of the document is checked too: no entry is shown from a log that is not JSON
      }
    } catch (RunpackException | JsonException e) {
      return failed(kind, path, "not valid JSON: " + e.getMessage());
    }
    long tailCount = Math.min(KEEP_EACH_END, Math.max(0, records - KEEP_EACH_END));
    List<TimelineEntry> tail = new ArrayList<>((int) tailCount);
    for (long index = records - tailCount; index < records; index++) {
      JsonStream record = JsonStream.valueAt(json, tailStarts[(int) (index % KEEP_EACH_END)]);
      record.next();
      tail.add(kind.entry(index, RecordFields.read(record, json, kind.descend())));
    }
    return new LogSummary(kind, path, records, head, tail, Optional.empty());
  }

  static LogSummary failed(LogKind kind, String path, String reason) {
    return new LogSummary(kind, path, 0, List.of(), List.of(), Optional.of(reason));
  }
}

package io.runpack.cli.report;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.JsonStream;
import io.runpack.domain.json.JsonStream.Token;
import io.runpack.domain.model.Limits;
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
   * Summarises {@code json}, the bytes of the log at {@code path}: one pass checks the whole text
   * and counts the records, a second reads only the records kept and skips the others.
   */
  static LogSummary of(LogKind kind, String path, byte[] json) {
    long records;
    try {
      JsonStream counter = JsonStream.of(json);
      Token first = counter.next();
      if (first != Token.START_ARRAY) {
        return failed(kind, path, "not an array of records but " + first.typeName());
      }
      records = 0;
      while (counter.next() != Token.END_ARRAY) {
        counter.skip();
        records++;
      }
      while (counter.next() != null) {
        // the end of the document is checked too: no entry is shown from a log that is not JSON
      }
    } catch (RunpackException e) {
      return failed(kind, path, "not valid JSON: " + e.getMessage());
    }
    List<TimelineEntry> head = new ArrayList<>(KEEP_EACH_END);
    List<TimelineEntry> tail = new ArrayList<>(KEEP_EACH_END);
    long tailFrom = Math.max(KEEP_EACH_END, records - KEEP_EACH_END);
    JsonStream stream = JsonStream.of(json);
    stream.next();
    for (long index = 0; stream.next() != Token.END_ARRAY; index++) {
      if (index < KEEP_EACH_END || index >= tailFrom) {
        TimelineEntry entry = kind.entry(index, RecordFields.read(stream, json, kind.descend()));
        (index < KEEP_EACH_END ? head : tail).add(entry);
      } else {
        stream.skip();
      }
    }
    return new LogSummary(kind, path, records, head, tail, Optional.empty());
  }

  static LogSummary failed(LogKind kind, String path, String reason) {
    return new LogSummary(kind, path, 0, List.of(), List.of(), Optional.of(reason));
  }
}

package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Every log record the function writes while it is open (the root logger's and the audit logger's,
 * which does not pass records up), as text: the formatted message, then the thrown exception's full
 * stack trace on the next lines, a superset of what any console or JSON format prints.
 */
final class LogCapture extends Handler implements AutoCloseable {

  /** One record: its logger's name and its text. */
  record Entry(String category, String text) {}

  /** The record's message, formatted as the console handler's {@code %s} formats it. */
  private static final PatternFormatter MESSAGE = new PatternFormatter("%s");

  private final List<Entry> entries = new ArrayList<>();

  private LogCapture() {}

  static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture);
    Logger.getLogger(AuditLog.CATEGORY).addHandler(capture);
    return capture;
  }

  @Override
  public void publish(LogRecord record) {
    String text = MESSAGE.format(record);
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      text = text + "\n" + trace;
    }
    synchronized (entries) {
      entries.add(new Entry(record.getLoggerName(), text));
    }
  }

  List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** The audit logger's lines. */
  List<String> auditLines() {
    return entries().stream()
        .filter(e -> e.category().equals(AuditLog.CATEGORY))
        .map(Entry::text)
        .toList();
  }

  /** The one audit record written since the capture started, decoded. */
  JsonObject onlyAuditRecord() {
    List<String> lines = auditLines();
    assertEquals(1, lines.size(), lines.toString());
    return (JsonObject)
        FunctionTestSupport.CODEC.decode(lines.get(0).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every line of every record, as any reader could split them (at LF, CR, VT, FF, U+0085, U+2028
   * or U+2029), that parses as an audit record: a JSON object with an {@code event} member, taken
   * whole or from its first '{' (past any prefix a log format adds). The audit logger's own records
   * are included, so that a record of two lines would show.
   */
  List<String> auditShapedLines() {
    List<String> found = new ArrayList<>();
    for (Entry entry : entries()) {
      for (String line : entry.text().split("[\\n\\r\\u000b\\f\\u0085\\u2028\\u2029]")) {
        int brace = line.indexOf('{');
        if (brace >= 0 && isAuditRecord(line.substring(brace).strip())) {
          found.add(line);
        }
      }
    }
    return found;
  }

  private static boolean isAuditRecord(String text) {
    try {
      return FunctionTestSupport.CODEC.decode(text.getBytes(StandardCharsets.UTF_8))
              instanceof JsonObject object
          && object.members().containsKey("event");
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
    Logger.getLogger(AuditLog.CATEGORY).removeHandler(this);
  }
}

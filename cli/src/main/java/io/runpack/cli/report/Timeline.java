package io.runpack.cli.report;

import io.runpack.domain.model.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shown entries of a run's logs in one order: by time, then trigger before gate evaluation
 * before decision before packet before submission before tool call, then by position in the log. A
 * gate evaluation has no time of its own: it takes the time of the trigger that caused it, when
 * that trigger is shown. Entries without a time come last. A log's left-out records are one gap
 * entry, after its first shown half.
 */
public final class Timeline {

  private Timeline() {}

  public static List<TimelineEntry> of(List<LogSummary> logs) {
    Map<String, Timestamp> triggerTimes = new HashMap<>();
    for (LogSummary log : logs) {
      if (log.kind() == LogKind.TRIGGER) {
        for (List<TimelineEntry> part : List.of(log.head(), log.tail())) {
          part.forEach(e -> e.at().ifPresent(t -> triggerTimes.putIfAbsent(e.cause(), t)));
        }
      }
    }
    List<TimelineEntry> entries = new ArrayList<>();
    for (LogSummary log : logs) {
      List<TimelineEntry> head = timed(log.head(), triggerTimes);
      entries.addAll(head);
      if (log.omitted() > 0) {
        Optional<Timestamp> at = head.isEmpty() ? Optional.empty() : head.get(head.size() - 1).at();
        entries.add(new TimelineEntry(log.kind(), head.size(), at, "", "", "", log.omitted()));
      }
      entries.addAll(timed(log.tail(), triggerTimes));
    }
    entries.sort(ORDER);
    return entries;
  }

  private static List<TimelineEntry> timed(
      List<TimelineEntry> part, Map<String, Timestamp> triggerTimes) {
    List<TimelineEntry> out = new ArrayList<>(part.size());
    for (TimelineEntry e : part) {
      if (e.at().isEmpty() && e.kind() == LogKind.GATE_EVALUATION) {
        e =
            new TimelineEntry(
                e.kind(),
                e.index(),
                Optional.ofNullable(triggerTimes.get(e.cause())),
                e.cause(),
                e.label(),
                e.detail(),
                e.omitted());
      }
      out.add(e);
    }
    return out;
  }

  private static final Comparator<TimelineEntry> ORDER =
      Comparator.<TimelineEntry, Boolean>comparing(e -> e.at().isEmpty())
          .thenComparing(e -> e.at().map(t -> t.kind().ordinal()).orElse(0))
          .thenComparing(
              (a, b) ->
                  Long.compareUnsigned(
                      a.at().map(Timeline::sortable).orElse(0L),
                      b.at().map(Timeline::sortable).orElse(0L)))
          .thenComparing(TimelineEntry::kind)
          .thenComparingLong(TimelineEntry::index);

  /** A value that orders as the time does, compared unsigned (unix millis may be negative). */
  private static long sortable(Timestamp t) {
    return t.kind() == Timestamp.Kind.LOGICAL ? t.value() : t.value() ^ Long.MIN_VALUE;
  }
}

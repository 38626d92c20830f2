package io.runpack.cli.report;

import io.runpack.domain.model.ArtifactKind;
import io.runpack.domain.model.Timestamp;
import java.util.Optional;
import java.util.Set;

/**
 * The logs a timeline shows, in the order entries of equal time are shown (a trigger before the
 * gate evaluations it caused, before the decision, before its packets), and how each record becomes
 * an entry: which members are read (FORMAT §2.2: the record shapes of Decision Gate's run state).
 */
public enum LogKind {
  TRIGGER("trigger", ArtifactKind.TRIGGER_LOG, Set.of("event", "event.time")),
  GATE_EVALUATION("gate evaluation", ArtifactKind.GATE_EVAL_LOG, Set.of("evaluation")),
  DECISION("decision", ArtifactKind.DECISION_LOG, Set.of("decided_at", "outcome")),
  PACKET("packet", ArtifactKind.PACKET_LOG, Set.of("envelope", "envelope.issued_at")),
  SUBMISSION("submission", ArtifactKind.SUBMISSION_LOG, Set.of("received_at", "submitted_at")),
  TOOL_CALL("tool call", ArtifactKind.TOOL_TRANSCRIPT, Set.of("called_at"));

  private final String title;
  private final ArtifactKind artifactKind;
  private final Set<String> descend;

  LogKind(String title, ArtifactKind artifactKind, Set<String> descend) {
    this.title = title;
    this.artifactKind = artifactKind;
    this.descend = descend;
  }

  public String title() {
    return title;
  }

  Set<String> descend() {
    return descend;
  }

  /** The log an artifact of {@code kind} is, if it is one the timeline shows. */
  static Optional<LogKind> of(ArtifactKind kind) {
    for (LogKind log : values()) {
      if (log.artifactKind == kind) {
        return Optional.of(log);
      }
    }
    return Optional.empty();
  }

  /** The entry for record {@code index} of this log. */
  TimelineEntry entry(long index, RecordFields f) {
    return switch (this) {
      case TRIGGER ->
          entry(
              index,
              time(f, "event.time"),
              f.get("event.trigger_id"),
              join(f.get("event.trigger_id"), f.get("event.kind"), from(f.get("event.source_id"))),
              f.get("event.payload"));
      case GATE_EVALUATION ->
          entry(
              index,
              Optional.empty(),
              f.get("trigger_id"),
              join(f.get("evaluation.gate_id"), f.get("evaluation.status"), f.get("stage_id")),
              f.get("evaluation.trace"));
      case DECISION ->
          entry(
              index,
              time(f, "decided_at"),
              f.get("trigger_id"),
              join(f.get("decision_id"), f.get("outcome.kind"), f.get("outcome.stage_id")),
              null);
      case PACKET ->
          entry(
              index,
              time(f, "envelope.issued_at"),
              f.get("decision_id"),
              join(f.get("envelope.packet_id"), f.get("envelope.schema_id"), null),
              f.get("payload"));
      case SUBMISSION ->
          entry(
              index,
              time(f, "received_at").or(() -> time(f, "submitted_at")),
              null,
              join(f.get("submission_id"), f.get("content_type"), null),
              f.get("payload"));
      case TOOL_CALL ->
          entry(
              index,
              time(f, "called_at"),
              null,
              join(f.get("call_id"), f.get("method"), null),
              "null".equals(f.get("error")) ? null : f.get("error"));
    };
  }

  private TimelineEntry entry(
      long index, Optional<Timestamp> at, String cause, String label, String detail) {
    return new TimelineEntry(
        this, index, at, cause == null ? "" : cause, label, detail == null ? "" : detail, 0);
  }

  private static String from(String source) {
    return source == null ? null : "from " + source;
  }

  private static String join(String first, String second, String third) {
    StringBuilder text = new StringBuilder(first == null ? "(no id)" : first);
    for (String part : new String[] {second, third}) {
      if (part != null && !"null".equals(part)) {
        text.append(" · ").append(part);
      }
    }
    return text.toString();
  }

  /** The timestamp at {@code path}: {@code {"kind":…,"value":…}}, or empty when not one. */
  private static Optional<Timestamp> time(RecordFields f, String path) {
    String kind = f.get(path + ".kind");
    String value = f.get(path + ".value");
    if (kind == null || value == null) {
      return Optional.empty();
    }
    try {
      if (Timestamp.Kind.UNIX_MILLIS.wireName().equals(kind)) {
        return Optional.of(Timestamp.unixMillis(Long.parseLong(value)));
      }
      if (Timestamp.Kind.LOGICAL.wireName().equals(kind)) {
        return Optional.of(Timestamp.logical(Long.parseUnsignedLong(value)));
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}

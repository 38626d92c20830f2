package io.runpack.adapters.dynamodb;

import io.runpack.domain.model.RunLog;
import io.runpack.json.CanonicalArray;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonCanonical;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of one stretch of a run's partition, taken in sort-key order: the run item kept as it
 * is, each log record checked against the index its log expects next and canonicalized, held until
 * {@link #drainInto} appends them to the logs. The first failing item throws, as corrupt data
 * naming its key. Used by one thread at a time.
 */
final class PartitionStretch {

  private final RunItemReader reader;
  private final String pk;
  private final Map<RunLog, Integer> next;
  private final List<RunLog> logs = new ArrayList<>();
  private final List<JsonCanonical> records = new ArrayList<>();
  private Map<String, AttributeValue> runItem;

  /** This stretch's working memory for its records (one thread at a time, like the stretch). */
  private final Canonicalizer canonicalizer = new Canonicalizer();

  /** A stretch whose logs hold {@code before} records each before it starts. */
  PartitionStretch(RunItemReader reader, String pk, Map<RunLog, Integer> before) {
    this.reader = reader;
    this.pk = pk;
    this.next = new EnumMap<>(before);
  }

  /** A stretch from the partition's start: no record before it. */
  static PartitionStretch fromStart(RunItemReader reader, String pk) {
    Map<RunLog, Integer> none = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      none.put(log, 0);
    }
    return new PartitionStretch(reader, pk, none);
  }

  /** Records of each log taken so far, from the partition's start. */
  Map<RunLog, Integer> counts() {
    return new EnumMap<>(next);
  }

  Optional<Map<String, AttributeValue>> runItem() {
    return Optional.ofNullable(runItem);
  }

  /** Takes {@code items}, except those whose sort key is {@code endExclusive}'s. */
  void add(List<Map<String, AttributeValue>> items, Optional<String> endExclusive) {
    for (Map<String, AttributeValue> item : items) {
      String sk = reader.string(item, RunLogTable.SK, pk, "?");
      if (endExclusive.isPresent() && sk.equals(endExclusive.get())) {
        continue;
      }
      if (sk.equals(RunLogTable.RUN_SK)) {
        runItem = item;
      } else {
        addRecord(sk, item);
      }
    }
  }

  private void addRecord(String sk, Map<String, AttributeValue> item) {
    String table = reader.table();
    if (!sk.startsWith(RunLogTable.LOG_SK_PREFIX)) {
      throw DynamoDbFailures.corrupt(table, pk, sk, "unexpected sort key");
    }
    int hash = sk.lastIndexOf('#');
    String logName =
        sk.substring(
            RunLogTable.LOG_SK_PREFIX.length(), Math.max(hash, RunLogTable.LOG_SK_PREFIX.length()));
    RunLog log =
        logNamed(logName)
            .orElseThrow(() -> DynamoDbFailures.corrupt(table, pk, sk, "unknown log " + logName));
    int index = next.get(log);
    if (!sk.equals(RunLogTable.logSk(log, index))) {
      throw DynamoDbFailures.corrupt(
          table,
          pk,
          sk,
          "expected record "
              + index
              + " of "
              + log.stateField()
              + " here: a record is missing or misnamed");
    }
    records.add(reader.record(item, pk, sk, canonicalizer));
    logs.add(log);
    next.put(log, index + 1);
  }

  /** Appends the records taken since the last drain to their logs, and lets go of them. */
  void drainInto(Map<RunLog, CanonicalArray> target) {
    for (int i = 0; i < records.size(); i++) {
      target.get(logs.get(i)).add(records.get(i));
    }
    records.clear();
    logs.clear();
  }

  private static Optional<RunLog> logNamed(String name) {
    for (RunLog log : RunLog.values()) {
      if (log.stateField().equals(name)) {
        return Optional.of(log);
      }
    }
    return Optional.empty();
  }
}

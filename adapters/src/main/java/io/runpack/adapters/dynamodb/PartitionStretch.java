package io.runpack.adapters.dynamodb;

import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.Limits;
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
 * naming its key.
 *
 * <p>Each log's canonical bytes are counted as its records are taken, from the partition's start:
 * the record that takes a log's artifact past {@link Limits#MAX_ARTIFACT_BYTES} throws the export's
 * own refusal of that artifact ({@link RunpackJson#artifactOverLimit}), so no log is read, or held,
 * past the limit the export would refuse it at. Used by one thread at a time.
 */
final class PartitionStretch {

  private final RunItemReader reader;
  private final String pk;
  private final Map<RunLog, Integer> next;

  /** Length of each log's canonical array so far ({@code []}: 2), from the partition's start. */
  private final Map<RunLog, Long> bytes;

  private final List<RunLog> logs = new ArrayList<>();
  private final List<JsonCanonical> records = new ArrayList<>();
  private Map<String, AttributeValue> runItem;

  /** This stretch's working memory for its records (one thread at a time, like the stretch). */
  private final Canonicalizer canonicalizer = new Canonicalizer();

  private PartitionStretch(
      RunItemReader reader, String pk, Map<RunLog, Integer> next, Map<RunLog, Long> bytes) {
    this.reader = reader;
    this.pk = pk;
    this.next = new EnumMap<>(next);
    this.bytes = new EnumMap<>(bytes);
  }

  /** A stretch from the partition's start: no record before it. */
  static PartitionStretch fromStart(RunItemReader reader, String pk) {
    Map<RunLog, Integer> none = new EnumMap<>(RunLog.class);
    Map<RunLog, Long> empty = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      none.put(log, 0);
      empty.put(log, 2L);
    }
    return new PartitionStretch(reader, pk, none, empty);
  }

  /** A stretch that goes on where {@code before} is now: its records counted, their bytes too. */
  static PartitionStretch after(PartitionStretch before) {
    return new PartitionStretch(before.reader, before.pk, before.next, before.bytes);
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
    JsonCanonical record = reader.record(item, pk, sk, canonicalizer);
    long size = bytes.get(log) + record.length() + (index > 0 ? 1 : 0); // a comma before it
    if (size > Limits.MAX_ARTIFACT_BYTES) {
      throw RunpackJson.artifactOverLimit(log.path());
    }
    records.add(record);
    logs.add(log);
    next.put(log, index + 1);
    bytes.put(log, size);
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

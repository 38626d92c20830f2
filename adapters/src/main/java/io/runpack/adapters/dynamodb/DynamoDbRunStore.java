package io.runpack.adapters.dynamodb;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.RunState;
import io.runpack.domain.port.out.LoadRunPort;
import io.runpack.json.CanonicalArray;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Loads runs from the run-log table ({@link RunLogTable}): strongly consistent, paginated Queries
 * of the run's partition and one strongly consistent GetItem of its spec; never a Scan. The first
 * page is read alone; when the partition goes on, the rest is read as ranges, one from each log's
 * start ({@link RunPartitionRanges}), on up to {@code loadConcurrency} threads of the load's own
 * (with 1: page after page, as one Query).
 *
 * <p>Guarantees: records come back in append order whatever the page size and the concurrency;
 * every record the run item counts must be there, and nothing else; a missing run or spec is {@link
 * ErrorCode#RUN_NOT_FOUND}, and so is a run whose item is an import's claim (an import in progress
 * or stopped unfinished: the run is not there yet), naming the import, even when the records it has
 * written so far do not make a run; a malformed item {@link ErrorCode#INVALID_RUN_DATA}, a failing
 * service {@link ErrorCode#STORAGE_ERROR}, each naming the key — the same error, whatever the
 * concurrency, as the item a sequential read meets first. A log is read only up to the export's
 * artifact limit: the record that takes its canonical bytes past {@link
 * io.runpack.domain.model.Limits#MAX_ARTIFACT_BYTES} is {@link ErrorCode#LIMIT_EXCEEDED} naming the
 * artifact, as the export says it, and no later page of that range is asked for (memory: at most
 * one artifact's bytes per log, not the partition's). A load leaves no thread behind.
 */
public final class DynamoDbRunStore implements LoadRunPort {

  /** Ranges read at the same time when the caller does not say. */
  public static final int DEFAULT_LOAD_CONCURRENCY = 4;

  /**
   * The most ranges read at the same time: no load has more ranges (the rest of the first page's
   * log, and one from each log's start after it).
   */
  public static final int MAX_LOAD_CONCURRENCY = 7;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final RunItemReader reader;
  private final Optional<Integer> pageSize;
  private final int loadConcurrency;

  public DynamoDbRunStore(DynamoDbClient dynamoDb, String table, JacksonJsonCodec codec) {
    this(dynamoDb, table, codec, Optional.empty());
  }

  /** With {@code pageSize}, each Query page holds at most that many items (else up to 1 MB). */
  public DynamoDbRunStore(
      DynamoDbClient dynamoDb, String table, JacksonJsonCodec codec, Optional<Integer> pageSize) {
    this(dynamoDb, table, codec, pageSize, DEFAULT_LOAD_CONCURRENCY);
  }

  /**
   * With {@code loadConcurrency} ranges of a partition read at the same time (1 to {@link
   * #MAX_LOAD_CONCURRENCY}).
   */
  public DynamoDbRunStore(
      DynamoDbClient dynamoDb,
      String table,
      JacksonJsonCodec codec,
      Optional<Integer> pageSize,
      int loadConcurrency) {
    if (loadConcurrency < 1 || loadConcurrency > MAX_LOAD_CONCURRENCY) {
      throw new IllegalArgumentException(
          "load concurrency must be 1 to " + MAX_LOAD_CONCURRENCY + ", not " + loadConcurrency);
    }
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.reader = new RunItemReader(table, codec);
    this.pageSize = pageSize;
    this.loadConcurrency = loadConcurrency;
  }

  /** Ranges of a partition read at the same time. */
  public int loadConcurrency() {
    return loadConcurrency;
  }

  @Override
  public LoadedRun loadRun(RunKey key) {
    return loadRun(key, true);
  }

  /**
   * Loads the run; {@code again}: a load whose records do not make a whole run (a gap, or fewer
   * records than the run item's log_counts) is made once more when the run item is complete by then
   * — an import finished between this load's reading of its records and of its run item (the run
   * item sorts after the records), and an import's records are final once its run item replaced its
   * claim.
   */
  private LoadedRun loadRun(RunKey key, boolean again) {
    String pk = RunLogTable.runPk(key);
    Map<RunLog, CanonicalArray> logs = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      logs.put(log, new CanonicalArray());
    }
    RunState state;
    try {
      Optional<Map<String, AttributeValue>> runItem = partition(pk, logs);
      if (runItem.isEmpty()) {
        throw new RunpackException(
            ErrorCode.RUN_NOT_FOUND,
            "no run for " + key + " in table " + table + " (pk " + pk + ")");
      }
      if (runItem.get().containsKey(RunLogTable.IMPORT_ID)) {
        throw pendingImport(key, pk, runItem.get());
      }
      state = state(pk, runItem.get(), logs);
    } catch (RunpackException e) {
      if (e.code() == ErrorCode.INVALID_RUN_DATA) { // records of an import under way, say
        Optional<Map<String, AttributeValue>> now = runItemNow(pk);
        if (now.isPresent() && now.get().containsKey(RunLogTable.IMPORT_ID)) {
          throw pendingImport(key, pk, now.get());
        }
        if (now.isPresent() && again) {
          return loadRun(key, false); // completed meanwhile: its records are final now
        }
      }
      throw e;
    }
    if (!state.key().equals(key)) { // before its tenant's spec is looked up: never another's
      throw DynamoDbFailures.corrupt(
          table,
          pk,
          RunLogTable.RUN_SK,
          "the state is of " + state.key() + ", not of this partition's " + key);
    }
    return new LoadedRun(spec(state), state);
  }

  /** Reads the run's partition: its records into {@code logs}, its run item returned. */
  private Optional<Map<String, AttributeValue>> partition(
      String pk, Map<RunLog, CanonicalArray> logs) {
    PartitionStretch first = PartitionStretch.fromStart(reader, pk);
    QueryRequest request = RunPartitionRanges.partition(table, pk, pageSize);
    QueryResponse page = query(pk, request);
    first.add(page.items(), Optional.empty());
    first.drainInto(logs);
    Optional<Map<String, AttributeValue>> runItem = first.runItem();
    if (hasMore(page) && loadConcurrency == 1) {
      while (hasMore(page)) {
        page = query(pk, request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build());
        first.add(page.items(), Optional.empty());
        first.drainInto(logs);
      }
      runItem = first.runItem();
    } else if (hasMore(page)) {
      runItem = rest(pk, page.lastEvaluatedKey(), first, logs).or(() -> first.runItem());
    }
    return runItem;
  }

  /** The run's item as it is now (a run item, or an import's claim), read on its own. */
  private Optional<Map<String, AttributeValue>> runItemNow(String pk) {
    return RunLogTable.itemNow(dynamoDb, table, pk, RunLogTable.RUN_SK);
  }

  /** A run whose item is an import's claim: not there yet (its records may be partly written). */
  private RunpackException pendingImport(RunKey key, String pk, Map<String, AttributeValue> claim) {
    return new RunpackException(
        ErrorCode.RUN_NOT_FOUND,
        "no run for "
            + key
            + " in table "
            + table
            + " (pk "
            + pk
            + "): an import of it has not completed ("
            + DynamoDbRunImporter.describeClaim(claim)
            + "), in progress or stopped unfinished");
  }

  /** The partition after {@code lastEvaluatedKey}, range by range; its run item if it holds it. */
  private Optional<Map<String, AttributeValue>> rest(
      String pk,
      Map<String, AttributeValue> lastEvaluatedKey,
      PartitionStretch before,
      Map<RunLog, CanonicalArray> logs) {
    List<ConcurrentRangeLoad.Range> ranges = new ArrayList<>();
    for (RunPartitionRanges.PartitionRange range :
        RunPartitionRanges.after(table, pk, lastEvaluatedKey, pageSize)) {
      PartitionStretch stretch =
          ranges.isEmpty()
              ? PartitionStretch.after(before)
              : PartitionStretch.fromStart(reader, pk);
      ranges.add(new ConcurrentRangeLoad.Range(range.query(), range.endExclusive(), stretch));
    }
    List<Map<String, AttributeValue>> runItem = new ArrayList<>();
    new ConcurrentRangeLoad(request -> query(pk, request), ranges)
        .run(
            loadConcurrency,
            stretch -> {
              stretch.drainInto(logs);
              stretch.runItem().ifPresent(runItem::add);
            });
    return runItem.stream().findFirst();
  }

  private QueryResponse query(String pk, QueryRequest request) {
    try {
      return dynamoDb.query(request);
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("Query", table, "pk " + pk, e);
    }
  }

  private static boolean hasMore(QueryResponse page) {
    return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
  }

  private RunState state(
      String pk, Map<String, AttributeValue> runItem, Map<RunLog, CanonicalArray> logs) {
    String sk = RunLogTable.RUN_SK;
    JsonValue header = reader.json(runItem, RunLogTable.STATE, pk, sk);
    if (!(header instanceof JsonObject headerObject)) {
      throw DynamoDbFailures.corrupt(table, pk, sk, "state is not a JSON object");
    }
    for (RunLog log : RunLog.values()) {
      if (headerObject.members().containsKey(log.stateField())) {
        throw DynamoDbFailures.corrupt(
            table,
            pk,
            sk,
            "state holds the log "
                + log.stateField()
                + ", whose records the table keeps as items of their own");
      }
    }
    AttributeValue counts = runItem.get(RunLogTable.LOG_COUNTS);
    if (counts == null || !counts.hasM()) {
      throw DynamoDbFailures.corrupt(table, pk, sk, "log_counts missing");
    }
    for (RunLog log : RunLog.values()) {
      AttributeValue count = counts.m().get(log.stateField());
      String expected = count == null ? null : count.n();
      if (expected == null || !expected.equals(Integer.toString(logs.get(log).size()))) {
        throw DynamoDbFailures.corrupt(
            table,
            pk,
            sk,
            "log_counts says "
                + expected
                + " "
                + log.stateField()
                + " records, the table holds "
                + logs.get(log).size());
      }
    }
    RunState runState;
    try {
      JsonObject.Builder state = JsonObject.builder();
      headerObject.members().forEach(state::put);
      logs.forEach((log, records) -> state.put(log.stateField(), records.build()));
      runState = RunState.fromJson(state.build(), "state");
    } catch (RunpackException e) { // a malformed header
      throw DynamoDbFailures.corrupt(table, pk, sk, e.getMessage());
    }
    String scenarioId = reader.string(runItem, RunLogTable.SCENARIO_ID, pk, sk);
    String specHash = reader.string(runItem, RunLogTable.SPEC_HASH, pk, sk);
    if (!scenarioId.equals(runState.scenarioId())
        || !specHash.equals(runState.specHash().value())) {
      throw DynamoDbFailures.corrupt(
          table, pk, sk, "scenario_id or spec_hash disagrees with the state");
    }
    return runState;
  }

  private JsonValue spec(RunState state) {
    String pk = RunLogTable.scenarioPk(state.tenantId(), state.namespaceId(), state.scenarioId());
    HashDigest hash = state.specHash();
    String sk = RunLogTable.specSk(hash);
    GetItemResponse response;
    try {
      response =
          dynamoDb.getItem(
              r ->
                  r.tableName(table)
                      .consistentRead(true)
                      .key(
                          Map.of(
                              RunLogTable.PK,
                              AttributeValue.fromS(pk),
                              RunLogTable.SK,
                              AttributeValue.fromS(sk))));
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("GetItem", table, "pk " + pk + ", sk " + sk, e);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      throw new RunpackException(
          ErrorCode.RUN_NOT_FOUND,
          "no scenario spec "
              + state.scenarioId()
              + " with hash "
              + hash.value()
              + " in table "
              + table
              + " (pk "
              + pk
              + ", sk "
              + sk
              + ")");
    }
    return reader.json(response.item(), RunLogTable.SPEC, pk, sk);
  }
}

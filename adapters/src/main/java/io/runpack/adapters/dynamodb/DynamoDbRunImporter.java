package io.runpack.adapters.dynamodb;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.RunState;
import io.runpack.domain.model.Sha256;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes a run bundle into the run-log table ({@link RunLogTable}): the spec, every log record,
 * then the run item last, so a run is never visible half imported.
 *
 * <p>Guarantees: the spec must hash to the run state's spec hash (specs are stored under their
 * hash, so a wrong one would shadow the right one); every item is checked against DynamoDB's 400 KB
 * limit before anything is written; batch writes retry unprocessed items with backoff, a bounded
 * number of times; an already imported run is refused ({@link ErrorCode#CONFLICT}) rather than
 * mixed with new records.
 */
public final class DynamoDbRunImporter {

  /** What an import wrote. */
  public record Summary(String runPk, int records, int items) {}

  private static final int BATCH_SIZE = 25;
  private static final int MAX_ATTEMPTS = 8;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbRunImporter(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /**
   * The items a run is stored as: its scenario spec's, its records' (in each log's order) and its
   * run item, the last one written.
   */
  public record Items(
      Map<String, AttributeValue> spec,
      List<Map<String, AttributeValue>> records,
      Map<String, AttributeValue> run) {

    public Items {
      spec = Map.copyOf(spec);
      records = List.copyOf(records);
      run = Map.copyOf(run);
    }
  }

  public Summary importRun(LoadedRun run) {
    Items items = items(run);
    String pk = RunLogTable.runPk(run.state().key());
    refuseExisting(pk);
    List<Map<String, AttributeValue>> batches = new ArrayList<>();
    batches.add(items.spec());
    batches.addAll(items.records());
    for (int from = 0; from < batches.size(); from += BATCH_SIZE) {
      writeBatch(batches.subList(from, Math.min(from + BATCH_SIZE, batches.size())));
    }
    try {
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(items.run())
                  .conditionExpression("attribute_not_exists(#pk)")
                  .expressionAttributeNames(Map.of("#pk", RunLogTable.PK)));
    } catch (ConditionalCheckFailedException e) {
      throw alreadyImported(pk);
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("PutItem", table, "pk " + pk, e);
    }
    return new Summary(pk, items.records().size(), batches.size() + 1);
  }

  /**
   * The items {@link #importRun} writes for {@code run}, checked as it checks them (the spec's
   * hash, every item's size), nothing written.
   */
  public static Items items(LoadedRun run) {
    RunState state = run.state();
    String pk = RunLogTable.runPk(state.key());
    if (!run.specScenarioId().equals(state.scenarioId())) {
      throw new RunpackException(
          ErrorCode.INVALID_RUN_DATA,
          "scenario spec is for scenario "
              + run.specScenarioId()
              + ", but the run is in scenario "
              + state.scenarioId());
    }
    String specText = canonicalText(run.spec(), "scenario spec");
    HashDigest specHash = Sha256.of(specText.getBytes(StandardCharsets.UTF_8));
    if (!specHash.equals(state.specHash())) {
      throw new RunpackException(
          ErrorCode.SPEC_HASH_MISMATCH,
          "run state spec hash mismatch: the run state records "
              + state.specHash().value()
              + ", the scenario spec hashes to "
              + specHash.value()
              + "; nothing imported");
    }
    Map<String, AttributeValue> specItem =
        item(
            RunLogTable.scenarioPk(state.tenantId(), state.namespaceId(), state.scenarioId()),
            RunLogTable.specSk(state.specHash()),
            RunLogTable.SPEC,
            specText);
    List<Map<String, AttributeValue>> recordItems = new ArrayList<>();
    Map<String, AttributeValue> counts = new HashMap<>();
    for (RunLog log : RunLog.values()) {
      List<JsonValue> records = state.records(log);
      for (int i = 0; i < records.size(); i++) {
        String what = "record " + i + " of " + log.stateField();
        recordItems.add(
            item(
                pk,
                RunLogTable.logSk(log, i),
                RunLogTable.RECORD,
                canonicalText(records.get(i), what)));
      }
      counts.put(log.stateField(), AttributeValue.fromN(Integer.toString(records.size())));
    }
    Map<String, AttributeValue> runItem =
        item(pk, RunLogTable.RUN_SK, RunLogTable.STATE, canonicalText(state.header(), "run state"));
    runItem.put(RunLogTable.SCENARIO_ID, AttributeValue.fromS(state.scenarioId()));
    runItem.put(RunLogTable.SPEC_HASH, AttributeValue.fromS(state.specHash().value()));
    runItem.put(RunLogTable.LOG_COUNTS, AttributeValue.fromM(counts));
    checkSize(runItem, "the run item");
    return new Items(specItem, recordItems, runItem);
  }

  private void refuseExisting(String pk) {
    try {
      boolean exists =
          dynamoDb
              .getItem(
                  r ->
                      r.tableName(table)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  RunLogTable.PK,
                                  AttributeValue.fromS(pk),
                                  RunLogTable.SK,
                                  AttributeValue.fromS(RunLogTable.RUN_SK))))
              .hasItem();
      if (exists) {
        throw alreadyImported(pk);
      }
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("GetItem", table, "pk " + pk, e);
    }
  }

  private void writeBatch(List<Map<String, AttributeValue>> items) {
    List<WriteRequest> pending = new ArrayList<>();
    items.forEach(
        item ->
            pending.add(
                WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build()));
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new RunpackException(
            ErrorCode.STORAGE_ERROR,
            "DynamoDB BatchWriteItem on table "
                + table
                + " left "
                + pending.size()
                + " items unprocessed after "
                + MAX_ATTEMPTS
                + " attempts");
      }
      if (attempt > 1) {
        backOff(attempt);
      }
      BatchWriteItemResponse response;
      try {
        List<WriteRequest> batch = List.copyOf(pending);
        response = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
      } catch (SdkException e) {
        throw DynamoDbFailures.storageError("BatchWriteItem", table, items.size() + " items", e);
      }
      pending.clear();
      if (response.hasUnprocessedItems() && response.unprocessedItems().containsKey(table)) {
        pending.addAll(response.unprocessedItems().get(table));
      }
    }
  }

  private static Map<String, AttributeValue> item(
      String pk, String sk, String attribute, String json) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(RunLogTable.PK, AttributeValue.fromS(pk));
    item.put(RunLogTable.SK, AttributeValue.fromS(sk));
    item.put(attribute, AttributeValue.fromS(json));
    checkSize(item, sk.equals(RunLogTable.RUN_SK) ? "the run item" : sk);
    return item;
  }

  /**
   * DynamoDB counts the UTF-8 bytes of every attribute name and string value (numbers ~21 bytes).
   */
  private static void checkSize(Map<String, AttributeValue> item, String what) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      bytes += utf8(attribute.getKey()) + size(attribute.getValue());
    }
    if (bytes > RunLogTable.MAX_ITEM_BYTES) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          what
              + " would be a DynamoDB item of "
              + bytes
              + " bytes, over the limit of "
              + RunLogTable.MAX_ITEM_BYTES);
    }
  }

  private static long size(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.hasM()) {
      long bytes = 3;
      for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
        bytes += utf8(entry.getKey()) + size(entry.getValue()) + 1;
      }
      return bytes;
    }
    return 21;
  }

  private static String canonicalText(JsonValue value, String what) {
    try {
      return new String(RunpackJson.toBytes(value), StandardCharsets.UTF_8);
    } catch (RunpackException e) {
      throw e.asRunData(what);
    }
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private RunpackException alreadyImported(String pk) {
    return new RunpackException(ErrorCode.CONFLICT, "run " + pk + " is already in table " + table);
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(2_000L, 25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunpackException(ErrorCode.STORAGE_ERROR, "interrupted while importing", e);
    }
  }
}

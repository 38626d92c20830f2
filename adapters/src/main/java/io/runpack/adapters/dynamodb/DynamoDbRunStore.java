package io.runpack.adapters.dynamodb;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.RunState;
import io.runpack.domain.port.out.LoadRunPort;
import io.runpack.json.CanonicalArray;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonCanonical;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Loads runs from the run-log table ({@link RunLogTable}): one strongly consistent, paginated Query
 * of the run's partition and one strongly consistent GetItem of its spec; never a Scan.
 *
 * <p>Guarantees: records come back in append order whatever the page size; every record the run
 * item counts must be there, and nothing else; a missing run or spec is {@link
 * ErrorCode#RUN_NOT_FOUND}, a malformed item {@link ErrorCode#INVALID_RUN_DATA}, a failing service
 * {@link ErrorCode#STORAGE_ERROR}, each naming the key.
 */
public final class DynamoDbRunStore implements LoadRunPort {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final JacksonJsonCodec codec;
  private final Optional<Integer> pageSize;

  public DynamoDbRunStore(DynamoDbClient dynamoDb, String table, JacksonJsonCodec codec) {
    this(dynamoDb, table, codec, Optional.empty());
  }

  /** With {@code pageSize}, each Query page holds at most that many items (else up to 1 MB). */
  public DynamoDbRunStore(
      DynamoDbClient dynamoDb, String table, JacksonJsonCodec codec, Optional<Integer> pageSize) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.codec = codec;
    this.pageSize = pageSize;
  }

  @Override
  public LoadedRun loadRun(RunKey key) {
    String pk = RunLogTable.runPk(key);
    Map<RunLog, CanonicalArray> logs = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      logs.put(log, new CanonicalArray());
    }
    Map<String, AttributeValue> runItem = null;
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", RunLogTable.PK))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
            .consistentRead(true);
    pageSize.ifPresent(query::limit);
    Canonicalizer canonicalizer = new Canonicalizer(); // this load's working memory, every record
    try {
      for (QueryResponse page : dynamoDb.queryPaginator(query.build())) {
        for (Map<String, AttributeValue> item : page.items()) {
          String sk = string(item, RunLogTable.SK, pk, "?");
          if (sk.equals(RunLogTable.RUN_SK)) {
            runItem = item;
          } else {
            addRecord(logs, pk, sk, item, canonicalizer);
          }
        }
      }
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("Query", table, "pk " + pk, e);
    }
    if (runItem == null) {
      throw new RunpackException(
          ErrorCode.RUN_NOT_FOUND, "no run for " + key + " in table " + table + " (pk " + pk + ")");
    }
    RunState state = state(pk, runItem, logs);
    return new LoadedRun(spec(state), state);
  }

  private void addRecord(
      Map<RunLog, CanonicalArray> logs,
      String pk,
      String sk,
      Map<String, AttributeValue> item,
      Canonicalizer canonicalizer) {
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
    CanonicalArray records = logs.get(log);
    if (!sk.equals(RunLogTable.logSk(log, records.size()))) {
      throw DynamoDbFailures.corrupt(
          table,
          pk,
          sk,
          "expected record "
              + records.size()
              + " of "
              + log.stateField()
              + " here: a record is missing or misnamed");
    }
    records.add(record(item, pk, sk, canonicalizer));
  }

  /**
   * A log record, canonicalized as it is read (the export only writes records, it never reads
   * them): no tree is built, and a record the importer stored canonical is copied as it is; its
   * bytes are appended to its log's, which is held as one array of canonical bytes.
   */
  private JsonCanonical record(
      Map<String, AttributeValue> item, String pk, String sk, Canonicalizer canonicalizer) {
    return (JsonCanonical)
        json(
            item,
            RunLogTable.RECORD,
            pk,
            sk,
            utf8 -> RunpackJson.canonicalValue(canonicalizer, utf8, Limits.MAX_ARTIFACT_BYTES));
  }

  private RunState state(
      String pk, Map<String, AttributeValue> runItem, Map<RunLog, CanonicalArray> logs) {
    String sk = RunLogTable.RUN_SK;
    JsonValue header = json(runItem, RunLogTable.STATE, pk, sk);
    if (!(header instanceof JsonObject headerObject)) {
      throw DynamoDbFailures.corrupt(table, pk, sk, "state is not a JSON object");
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
    } catch (RunpackException e) { // a malformed header, or one that holds a log
      throw DynamoDbFailures.corrupt(table, pk, sk, e.getMessage());
    }
    String scenarioId = string(runItem, RunLogTable.SCENARIO_ID, pk, sk);
    String specHash = string(runItem, RunLogTable.SPEC_HASH, pk, sk);
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
    return json(response.item(), RunLogTable.SPEC, pk, sk);
  }

  private JsonValue json(Map<String, AttributeValue> item, String attribute, String pk, String sk) {
    return json(item, attribute, pk, sk, codec::decode);
  }

  /**
   * A string attribute read as JSON by {@code read}; text that is not valid JSON is corrupt data.
   */
  private JsonValue json(
      Map<String, AttributeValue> item,
      String attribute,
      String pk,
      String sk,
      Function<byte[], JsonValue> read) {
    String text = string(item, attribute, pk, sk);
    try {
      return read.apply(text.getBytes(StandardCharsets.UTF_8));
    } catch (RunpackException e) {
      throw DynamoDbFailures.corrupt(
          table, pk, sk, attribute + " is not valid JSON: " + e.getMessage());
    }
  }

  private String string(Map<String, AttributeValue> item, String attribute, String pk, String sk) {
    AttributeValue value = item.get(attribute);
    if (value == null || value.s() == null) {
      throw DynamoDbFailures.corrupt(table, pk, sk, "string attribute " + attribute + " missing");
    }
    return value.s();
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

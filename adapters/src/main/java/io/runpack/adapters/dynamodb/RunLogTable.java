package io.runpack.adapters.dynamodb;

import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.model.RunLog;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The run-log table's layout, in one place (a single table, string keys {@code pk} and {@code sk}):
 *
 * <ul>
 *   <li>run item: {@code pk = TENANT#<t>#NAMESPACE#<n>#RUN#<run_id>}, {@code sk = RUN}, with {@code
 *       scenario_id}, {@code spec_hash} (hex), {@code state} (the state's other members as
 *       canonical JSON), {@code log_counts} (records per log) and {@code import_digest} (its
 *       import's digest, below; not read by the store);
 *   <li>one item per log record, same {@code pk}, {@code sk = LOG#<log>#<index, 10 digits>}, the
 *       record as canonical JSON in {@code record};
 *   <li>scenario spec: {@code pk = TENANT#<t>#NAMESPACE#<n>#SCENARIO#<scenario_id>}, {@code sk =
 *       SPEC#sha256#<hex>}, the spec as canonical JSON in {@code spec}.
 * </ul>
 *
 * While a run is being imported its run item is an <em>import claim</em> instead ({@link
 * DynamoDbRunImporter}): same key, no {@code state}, but {@code import_id} (random, the claim's
 * holder), {@code import_started} (ISO-8601 instant) and {@code import_digest} (SHA-256 of every
 * item the import writes: the same bundle, the same digest). The importer replaces it with the run
 * item last; a reader takes a claim for a run that is not there yet.
 *
 * <p>The variable part of each key is its last part, so keys cannot collide. A run is loaded with
 * Queries of its partition (records sort in append order; {@link RunPartitionRanges}) and one
 * GetItem of its spec. The table's key schema is defined here too: the deployment (infra/) builds
 * its table from {@link #PK} and {@link #SK}, and {@link #create} makes the same table where no
 * deployment does (tests, the local AWS stack, {@code runpack import --create-table}).
 */
public final class RunLogTable {

  public static final String PK = "pk";
  public static final String SK = "sk";
  static final String RUN_SK = "RUN";
  static final String LOG_SK_PREFIX = "LOG#";
  static final String SCENARIO_ID = "scenario_id";
  static final String SPEC_HASH = "spec_hash";
  static final String STATE = "state";
  static final String LOG_COUNTS = "log_counts";
  static final String RECORD = "record";
  static final String IMPORT_ID = "import_id";
  static final String IMPORT_STARTED = "import_started";
  static final String IMPORT_DIGEST = "import_digest";

  /** The attribute of a scenario spec item that holds the spec, as canonical JSON. */
  public static final String SPEC = "spec";

  /** DynamoDB's item size limit, attribute names and values included. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  /** Digits of a record index: a log holds at most 10^10 records. */
  static final int INDEX_DIGITS = 10;

  private RunLogTable() {}

  /**
   * Creates the run-log table (string keys {@link #PK} and {@link #SK}, on-demand billing) unless
   * it exists, and waits until it is active; a failure is a typed {@code storage_error}. For local
   * stacks and sandboxes: a deployment's table comes from infra/, with encryption, backups and
   * deletion protection.
   */
  public static void create(DynamoDbClient dynamoDb, String table) {
    try {
      dynamoDb.createTable(
          b ->
              b.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(stringAttribute(PK), stringAttribute(SK))
                  .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE)));
    } catch (ResourceInUseException exists) {
      // already there: wait until it is usable, as for a new one
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("CreateTable", table, "table", e);
    }
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(dynamoDb)
            .overrideConfiguration(
                w ->
                    w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50)))
                        .maxAttempts(1200))
            .build()) {
      waiter.waitUntilTableExists(b -> b.tableName(table));
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("DescribeTable", table, "table", e);
    }
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  /**
   * The item {@code (pk, sk)} as it is now (a strongly consistent GetItem), or empty; a failing
   * request is a storage error naming the key.
   */
  static Optional<Map<String, AttributeValue>> itemNow(
      DynamoDbClient dynamoDb, String table, String pk, String sk) {
    GetItemResponse response;
    try {
      response =
          dynamoDb.getItem(
              r ->
                  r.tableName(table)
                      .consistentRead(true)
                      .key(Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk))));
    } catch (SdkException e) {
      throw DynamoDbFailures.storageError("GetItem", table, "pk " + pk + ", sk " + sk, e);
    }
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  /** The partition of a run: its run item and its records. */
  public static String runPk(RunKey key) {
    return "TENANT#"
        + Long.toUnsignedString(key.tenantId())
        + "#NAMESPACE#"
        + Long.toUnsignedString(key.namespaceId())
        + "#RUN#"
        + key.runId();
  }

  static String logSk(RunLog log, long index) {
    String digits = Long.toString(index);
    return LOG_SK_PREFIX
        + log.stateField()
        + "#"
        + "0".repeat(INDEX_DIGITS - digits.length())
        + digits;
  }

  /** The partition of a scenario's specs. */
  public static String scenarioPk(long tenantId, long namespaceId, String scenarioId) {
    return "TENANT#"
        + Long.toUnsignedString(tenantId)
        + "#NAMESPACE#"
        + Long.toUnsignedString(namespaceId)
        + "#SCENARIO#"
        + scenarioId;
  }

  /** The sort key of a spec, by its hash. */
  public static String specSk(HashDigest specHash) {
    return "SPEC#" + specHash.algorithm() + "#" + specHash.value();
  }
}

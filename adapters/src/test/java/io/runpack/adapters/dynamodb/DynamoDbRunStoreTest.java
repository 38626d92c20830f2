package io.runpack.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The run-log table through the real DynamoDB API (dynalite): import, load, and every way it fails.
 */
class DynamoDbRunStoreTest {

  static final List<String> LABELS = Fixtures.LABELS;
  static DynamoDbClient dynamoDb;
  String table;

  @BeforeAll
  static void connect() {
    dynamoDb = LocalAws.dynamoDb();
  }

  @BeforeEach
  void createTable() {
    table = LocalAws.newTable(dynamoDb, RunLogTable::create);
  }

  @ParameterizedTest
  @FieldSource("LABELS")
  void importedRunLoadsBackExactly(String label) {
    LoadedRun bundle =
        LoadedRun.fromBundle(LocalRunpack.json(Fixtures.read(Fixtures.runBundle(label))));

    DynamoDbRunImporter.Summary summary =
        new DynamoDbRunImporter(dynamoDb, table).importRun(bundle);
    LoadedRun loaded = store().loadRun(bundle.state().key());

    assertEquals(bundle.spec(), loaded.spec());
    assertEquals(canonical(bundle), canonical(loaded));
    assertEquals(bundle.state().recordCount(), summary.records());
  }

  @Test
  void runOverOneMegabyteLoadsAcrossSeveralPagesInOrder() {
    LoadedRun run = RunBuilder.withTriggers(3_000, 500); // ~1.5 MB of trigger records
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    LocalAws.OperationCounter counter = new LocalAws.OperationCounter();
    DynamoDbClient counted =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(counter));

    LoadedRun loaded =
        new DynamoDbRunStore(counted, table, LocalRunpack.CODEC).loadRun(run.state().key());

    assertEquals(canonical(run), canonical(loaded));
    assertTrue(counter.count("Query") >= 2, "Query pages: " + counter.count("Query"));
    assertEquals(1, counter.count("GetItem"));
    assertEquals(0, counter.count("Scan"));
  }

  @Test
  void smallPagesKeepAppendOrder() {
    LoadedRun run = RunBuilder.withTriggers(95, 10);
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    LocalAws.OperationCounter counter = new LocalAws.OperationCounter();
    DynamoDbClient counted =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(counter));

    LoadedRun loaded =
        new DynamoDbRunStore(counted, table, LocalRunpack.CODEC, Optional.of(7))
            .loadRun(run.state().key());

    assertEquals(canonical(run), canonical(loaded));
    assertTrue(counter.count("Query") >= 14, "Query pages: " + counter.count("Query"));
  }

  @Test
  void missingRunIsRunNotFound() {
    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(new RunKey(1, 1, "nope")));

    assertEquals(ErrorCode.RUN_NOT_FOUND, e.code());
    assertEquals(
        "no run for tenant 1, namespace 1, run nope in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#RUN#nope)",
        e.getMessage());
  }

  @Test
  void missingSpecIsRunNotFoundNamingTheKey() {
    LoadedRun run = importReference();
    String hash = run.state().specHash().value();
    dynamoDb.deleteItem(
        r ->
            r.tableName(table)
                .key(
                    key("TENANT#1#NAMESPACE#1#SCENARIO#golden-visibility", "SPEC#sha256#" + hash)));

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(ErrorCode.RUN_NOT_FOUND, e.code());
    assertEquals(
        "no scenario spec golden-visibility with hash "
            + hash
            + " in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#SCENARIO#golden-visibility, sk SPEC#sha256#"
            + hash
            + ")",
        e.getMessage());
  }

  @Test
  void recordThatIsNotJsonIsCorruptData() {
    LoadedRun run = importReference();
    putRecord("LOG#triggers#0000000001", "{\"seq\":");

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code());
    assertTrue(
        e.getMessage()
            .startsWith(
                "corrupt item in table "
                    + table
                    + " (pk TENANT#1#NAMESPACE#1#RUN#run-2, sk LOG#triggers#0000000001): record is not valid JSON"),
        e.getMessage());
  }

  @Test
  void recordOfAnotherTypeIsCorruptDataNamingTheType() {
    LoadedRun run = importReference();
    Map<String, AttributeValue> item =
        new java.util.HashMap<>(key("TENANT#1#NAMESPACE#1#RUN#run-2", "LOG#triggers#0000000001"));
    item.put("record", AttributeValue.fromN("1"));
    dynamoDb.putItem(r -> r.tableName(table).item(item));

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code());
    assertEquals(
        "corrupt item in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#RUN#run-2, sk LOG#triggers#0000000001): attribute record"
            + " is of type N, not a string (S)",
        e.getMessage());
  }

  @Test
  void missingRecordIsCorruptData() {
    LoadedRun run = importReference();
    dynamoDb.deleteItem(
        r ->
            r.tableName(table)
                .key(key("TENANT#1#NAMESPACE#1#RUN#run-2", "LOG#decisions#0000000000")));

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code());
    assertEquals(
        "corrupt item in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#RUN#run-2, sk LOG#decisions#0000000001):"
            + " expected record 0 of decisions here: a record is missing or misnamed",
        e.getMessage());
  }

  @Test
  void extraRecordIsCorruptData() {
    LoadedRun run = importReference();
    putRecord("LOG#submissions#0000000000", "{}");

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(
        "corrupt item in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#RUN#run-2, sk RUN):"
            + " log_counts says 0 submissions records, the table holds 1",
        e.getMessage());
  }

  @Test
  void unexpectedItemInTheRunPartitionIsCorruptData() {
    LoadedRun run = importReference();
    putRecord("NOTE#1", "{}");

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(
        "corrupt item in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#RUN#run-2, sk NOTE#1): unexpected sort key",
        e.getMessage());
  }

  @Test
  void runItemWhoseStateHoldsALogIsCorruptDataNamingTheLog() {
    LoadedRun run = importReference();
    Map<String, AttributeValue> key = key("TENANT#1#NAMESPACE#1#RUN#run-2", "RUN");
    Map<String, AttributeValue> item =
        new java.util.HashMap<>(dynamoDb.getItem(r -> r.tableName(table).key(key)).item());
    String state = item.get("state").s();
    assertTrue(state.startsWith("{"), state);
    item.put("state", AttributeValue.fromS("{\"triggers\":[]," + state.substring(1)));
    dynamoDb.putItem(r -> r.tableName(table).item(item));

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code(), e.getMessage());
    assertEquals(
        "corrupt item in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#RUN#run-2, sk RUN):"
            + " state holds the log triggers, whose records the table keeps as items of their own",
        e.getMessage());
  }

  @Test
  void stateOfAnotherTenantIsCorruptDataBeforeThatTenantsSpecIsLookedUp() {
    LoadedRun run = importReference();
    Map<String, AttributeValue> key = key("TENANT#1#NAMESPACE#1#RUN#run-2", "RUN");
    Map<String, AttributeValue> item =
        new java.util.HashMap<>(dynamoDb.getItem(r -> r.tableName(table).key(key)).item());
    String state = item.get("state").s();
    assertTrue(state.contains("\"tenant_id\":1"), state);
    item.put("state", AttributeValue.fromS(state.replace("\"tenant_id\":1", "\"tenant_id\":2")));
    dynamoDb.putItem(r -> r.tableName(table).item(item));

    RunpackException e =
        assertThrows(RunpackException.class, () -> store().loadRun(run.state().key()));

    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code(), e.getMessage());
    assertEquals(
        "corrupt item in table "
            + table
            + " (pk TENANT#1#NAMESPACE#1#RUN#run-2, sk RUN): the state is of tenant 2, namespace 1,"
            + " run run-2, not of this partition's tenant 1, namespace 1, run run-2",
        e.getMessage());
  }

  @Test
  void reimportingARunIsAConflict() {
    importReference();

    RunpackException e = assertThrows(RunpackException.class, this::importReference);

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals("run TENANT#1#NAMESPACE#1#RUN#run-2 is already in table " + table, e.getMessage());
  }

  @Test
  void bundleWhoseSpecDoesNotMatchItsHashIsRefusedBeforeAnythingIsWritten() {
    String bundle =
        new String(
                Fixtures.read(Fixtures.runBundle("golden_visibility_packet")),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"hello\": \"world\"", "\"hello\": \"there\"");
    LoadedRun run = LoadedRun.fromBundle(LocalRunpack.json(bundle));

    RunpackException e =
        assertThrows(
            RunpackException.class, () -> new DynamoDbRunImporter(dynamoDb, table).importRun(run));

    assertEquals(ErrorCode.SPEC_HASH_MISMATCH, e.code());
    assertTrue(
        e.getMessage().startsWith("run state spec hash mismatch: the run state records df1ae4e5"),
        e.getMessage());
    assertEquals(0, dynamoDb.scan(r -> r.tableName(table)).count());
  }

  @Test
  void recordOverTheItemLimitIsRefusedBeforeAnythingIsWritten() {
    LoadedRun run = RunBuilder.withTriggers(3, 410 * 1024);

    RunpackException e =
        assertThrows(
            RunpackException.class, () -> new DynamoDbRunImporter(dynamoDb, table).importRun(run));

    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(
        e.getMessage().startsWith("LOG#triggers#0000000000 would be a DynamoDB item of "),
        e.getMessage());
    assertEquals(0, dynamoDb.scan(r -> r.tableName(table)).count());
  }

  @Test
  void logPastTheArtifactLimitIsRefusedAsTheExportWouldWithoutReadingTheRestOfThePartition() {
    // 100 records of ~390 KB, 39 MB in all: the 44th takes triggers.json past 16 MiB
    LoadedRun run = RunBuilder.withTriggers(100, 390_000);
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    int pages = (run.state().recordCount() + 1 + 1) / 2; // the whole partition, two items a page
    LocalAws.OperationCounter counter = new LocalAws.OperationCounter();
    DynamoDbClient counted =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(counter));

    for (int concurrency : new int[] {1, 4}) {
      counter.reset();
      DynamoDbRunStore store =
          new DynamoDbRunStore(counted, table, LocalRunpack.CODEC, Optional.of(2), concurrency);

      RunpackException e =
          assertThrows(RunpackException.class, () -> store.loadRun(run.state().key()));

      assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
      assertEquals(
          "artifacts/triggers.json: canonical JSON exceeds the limit of 16777216 bytes",
          e.getMessage());
      assertTrue(
          counter.count("Query") <= pages - 15,
          "concurrency "
              + concurrency
              + ": "
              + counter.count("Query")
              + " Query pages, of "
              + pages
              + " for the whole partition");
      assertEquals(0, counter.count("GetItem"), "the spec is never asked for");
    }
  }

  @Test
  void unreachableDynamoDbIsAStorageErrorNotAHang() {
    DynamoDbClient nowhere =
        LocalAws.dynamoDb(
            java.net.URI.create("http://127.0.0.1:" + io.runpack.localaws.LocalAwsStack.freePort()),
            List.of());
    long start = System.nanoTime();

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                new DynamoDbRunStore(nowhere, table, LocalRunpack.CODEC)
                    .loadRun(new RunKey(1, 1, "run-2")));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code());
    assertTrue(
        e.getMessage()
            .startsWith(
                "DynamoDB Query on table "
                    + table
                    + " (pk TENANT#1#NAMESPACE#1#RUN#run-2) failed: "),
        e.getMessage());
    assertTrue(System.nanoTime() - start < 30_000_000_000L, "bounded by the client's timeouts");
  }

  private DynamoDbRunStore store() {
    return new DynamoDbRunStore(dynamoDb, table, LocalRunpack.CODEC);
  }

  private LoadedRun importReference() {
    LoadedRun run =
        LoadedRun.fromBundle(
            LocalRunpack.json(Fixtures.read(Fixtures.runBundle("golden_visibility_packet"))));
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    return run;
  }

  private void putRecord(String sk, String json) {
    Map<String, AttributeValue> item =
        new java.util.HashMap<>(key("TENANT#1#NAMESPACE#1#RUN#run-2", sk));
    item.put("record", AttributeValue.fromS(json));
    dynamoDb.putItem(r -> r.tableName(table).item(item));
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }

  /** Records load in canonical form, so runs compare by their canonical state. */
  private static String canonical(LoadedRun run) {
    return new String(
        CanonicalJson.toBytes(run.state().toJson()), java.nio.charset.StandardCharsets.UTF_8);
  }
}

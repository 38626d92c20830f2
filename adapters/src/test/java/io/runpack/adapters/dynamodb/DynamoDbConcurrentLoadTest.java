package io.runpack.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A run's partition read as ranges on several threads (dynalite): the same run, the same errors and
 * the same requests as one sequential Query, and no thread left behind.
 */
class DynamoDbConcurrentLoadTest {

  private static final String THREADS = "runpack-dynamodb-load-";
  private static final List<Optional<Integer>> PAGE_SIZES =
      List.of(Optional.of(1), Optional.of(3), Optional.of(7), Optional.empty());

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

  @AfterEach
  void noLoadThreadIsLeft() {
    assertEquals(Set.of(), liveLoadThreads());
  }

  @Test
  void everyConcurrencyAndPageSizeLoadsTheRunExactly() {
    List<LoadedRun> runs =
        List.of(
            reference("golden_time_after_pass"),
            reference("golden_visibility_packet"),
            RunBuilder.withEveryLog(40, 200));
    for (LoadedRun run : runs) {
      String runTable = LocalAws.newTable(dynamoDb, RunLogTable::create);
      new DynamoDbRunImporter(dynamoDb, runTable).importRun(run);
      for (Optional<Integer> pageSize : PAGE_SIZES) {
        for (int concurrency = 1;
            concurrency <= DynamoDbRunStore.MAX_LOAD_CONCURRENCY;
            concurrency++) {
          LoadedRun loaded =
              new DynamoDbRunStore(dynamoDb, runTable, LocalRunpack.CODEC, pageSize, concurrency)
                  .loadRun(run.state().key());

          String where = "page size " + pageSize + ", concurrency " + concurrency;
          assertEquals(run.spec(), loaded.spec(), where);
          assertEquals(canonical(run), canonical(loaded), where);
        }
      }
    }
  }

  @Test
  void onePageRunMakesTheRequestsOfOneQuery() {
    LoadedRun run = reference("golden_visibility_packet");
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    LocalAws.OperationCounter counter = new LocalAws.OperationCounter();

    store(counter, Optional.empty(), 4).loadRun(run.state().key());

    assertEquals(1, counter.count("Query"));
    assertEquals(1, counter.count("GetItem"));
    assertEquals(2, counter.total());
  }

  @Test
  void rangesCostAtMostOnePartlyFilledPageEach() {
    LoadedRun run = RunBuilder.withEveryLog(600, 800); // three 1 MB pages in one Query
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    LocalAws.OperationCounter sequential = new LocalAws.OperationCounter();
    LocalAws.OperationCounter concurrent = new LocalAws.OperationCounter();

    LoadedRun one = store(sequential, Optional.empty(), 1).loadRun(run.state().key());
    LoadedRun four = store(concurrent, Optional.empty(), 4).loadRun(run.state().key());

    assertEquals(canonical(run), canonical(one));
    assertEquals(canonical(run), canonical(four));
    int pages = sequential.count("Query");
    int ranges =
        RunPartitionRanges.after(table, "pk", Map.of("sk", s("LOG#")), Optional.empty()).size();
    assertTrue(pages >= 3, "pages of the sequential Query: " + pages);
    assertTrue(
        concurrent.count("Query") <= pages + ranges,
        "Query calls: " + concurrent.count("Query") + " against " + pages + " sequential");
    assertEquals(1, concurrent.count("GetItem"));
  }

  @Test
  void rangesAreReadOnAtMostConcurrencyNamedDaemonThreads() {
    LoadedRun run = RunBuilder.withEveryLog(40, 200);
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    Map<String, Boolean> queryThreads = new ConcurrentHashMap<>();
    ExecutionInterceptor recording =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
            if (context.request() instanceof QueryRequest) {
              Thread thread = Thread.currentThread();
              queryThreads.put(thread.getName(), thread.isDaemon());
            }
          }
        };
    DynamoDbClient recorded =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(recording));

    new DynamoDbRunStore(recorded, table, LocalRunpack.CODEC, Optional.of(5), 3)
        .loadRun(run.state().key());

    queryThreads.remove(Thread.currentThread().getName()); // the first page
    assertEquals(3, queryThreads.size(), "range threads: " + queryThreads.keySet());
    queryThreads.forEach(
        (name, daemon) -> {
          assertTrue(name.startsWith(THREADS), name);
          assertTrue(daemon, name + " is a daemon");
        });
  }

  @Test
  void malformedRecordInOneRangeIsTheErrorOfTheSequentialLoad() {
    LoadedRun run = RunBuilder.withEveryLog(40, 200);
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    putRecord(run, "LOG#packets#0000000020", "{\"seq\":");

    RunpackException sequential = loadFails(run, 1);
    RunpackException concurrent = loadFails(run, 4);

    assertEquals(ErrorCode.INVALID_RUN_DATA, concurrent.code());
    assertEquals(sequential.getMessage(), concurrent.getMessage());
    assertTrue(
        concurrent.getMessage().contains("sk LOG#packets#0000000020): record is not valid JSON"),
        concurrent.getMessage());
  }

  @Test
  void ofTwoFaultsTheOneFirstInKeyOrderIsReported() {
    LoadedRun run = RunBuilder.withEveryLog(40, 200);
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    String pk = RunLogTable.runPk(run.state().key());
    // decisions sort first; triggers last, and its bad record is the first its range reads
    dynamoDb.deleteItem(
        r -> r.tableName(table).key(Map.of("pk", s(pk), "sk", s("LOG#decisions#0000000035"))));
    putRecord(run, "LOG#triggers#0000000000", "[");

    RunpackException sequential = loadFails(run, 1);
    RunpackException concurrent = loadFails(run, 7);

    assertEquals(sequential.getMessage(), concurrent.getMessage());
    assertTrue(
        concurrent
            .getMessage()
            .endsWith("expected record 35 of decisions here: a record is missing or misnamed"),
        concurrent.getMessage());
  }

  @Test
  void failingQueryInTheFirstRangeIsAStorageErrorAndTheOtherRangesStartNoNewPage() {
    LoadedRun run = RunBuilder.withEveryLog(40, 200); // 241 items: ~120 pages of 2
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    AtomicInteger queries = new AtomicInteger();
    ExecutionInterceptor failing =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
            if (context.request() instanceof QueryRequest query) {
              queries.incrementAndGet();
              AttributeValue start = query.exclusiveStartKey().get("sk");
              // the second page of the first range (decisions, after the first page's two)
              if (start != null && start.s().equals("LOG#decisions#0000000003")) {
                throw SdkClientException.create("connection reset (injected)");
              }
            }
          }
        };
    DynamoDbClient client =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(failing));
    DynamoDbRunStore store =
        new DynamoDbRunStore(client, table, LocalRunpack.CODEC, Optional.of(2), 4);

    RunpackException e =
        assertThrows(RunpackException.class, () -> store.loadRun(run.state().key()));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code());
    assertEquals(
        "DynamoDB Query on table "
            + table
            + " (pk "
            + RunLogTable.runPk(run.state().key())
            + ") failed: connection reset (injected)",
        e.getMessage());
    assertTrue(queries.get() < 40, "Query calls, of ~125 for the whole run: " + queries.get());
  }

  @Test
  void loadConcurrencyOutsideItsLimitIsRefused() {
    for (int concurrency : new int[] {0, DynamoDbRunStore.MAX_LOAD_CONCURRENCY + 1}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new DynamoDbRunStore(
                      dynamoDb, table, LocalRunpack.CODEC, Optional.empty(), concurrency));
      assertEquals("load concurrency must be 1 to 7, not " + concurrency, e.getMessage());
    }
  }

  private RunpackException loadFails(LoadedRun run, int concurrency) {
    DynamoDbRunStore store =
        new DynamoDbRunStore(dynamoDb, table, LocalRunpack.CODEC, Optional.of(3), concurrency);
    RunpackException e =
        assertThrows(RunpackException.class, () -> store.loadRun(run.state().key()));
    assertFalse(e.getMessage().isEmpty());
    return e;
  }

  private DynamoDbRunStore store(
      LocalAws.OperationCounter counter, Optional<Integer> pageSize, int concurrency) {
    DynamoDbClient counted =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(counter));
    return new DynamoDbRunStore(counted, table, LocalRunpack.CODEC, pageSize, concurrency);
  }

  private void putRecord(LoadedRun run, String sk, String json) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(RunLogTable.runPk(run.state().key())));
    item.put("sk", s(sk));
    item.put("record", s(json));
    dynamoDb.putItem(r -> r.tableName(table).item(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static LoadedRun reference(String label) {
    return LoadedRun.fromBundle(LocalRunpack.json(Fixtures.read(Fixtures.runBundle(label))));
  }

  private static Set<String> liveLoadThreads() {
    Set<String> names = new java.util.TreeSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && thread.getName().startsWith(THREADS)) {
        names.add(thread.getName());
      }
    }
    return names;
  }

  private static String canonical(LoadedRun run) {
    return new String(CanonicalJson.toBytes(run.state().toJson()), StandardCharsets.UTF_8);
  }
}

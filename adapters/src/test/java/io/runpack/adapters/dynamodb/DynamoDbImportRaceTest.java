package io.runpack.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Imports of one run racing each other, and an import stopped half-way, through the real DynamoDB
 * API (dynalite). Two bundles of one run (same run id, same record count) differ only in their
 * records, tagged {@code writer-A} or {@code writer-B}: the run in the table must be one bundle's
 * whole, and the import told {@code conflict} must have written no record.
 */
class DynamoDbImportRaceTest {

  static final int RECORDS = 300;
  static final String PK = "TENANT#1#NAMESPACE#1#RUN#run-2";
  static final LoadedRun A = RunBuilder.withToolCallsBy("writer-A", RECORDS);
  static final LoadedRun B = RunBuilder.withToolCallsBy("writer-B", RECORDS);

  static DynamoDbClient plain;
  static ExecutorService threads;
  String table;

  @BeforeAll
  static void connect() {
    plain = LocalAws.dynamoDb();
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    threads.shutdownNow();
  }

  @BeforeEach
  void createTable() {
    table = LocalAws.newTable(plain, RunLogTable::create);
  }

  /** Interleaving: A is held just before its first record batch while B imports. */
  @Test
  void anImportHeldBeforeItsRecordsWinsAndTheOtherWritesNoRecord() throws Exception {
    Writer a = new Writer(isRecordBatch());
    Writer b = new Writer(request -> false);

    Future<Outcome> first = threads.submit(() -> a.importRun(A));
    assertTrue(a.held.await(30, TimeUnit.SECONDS), "A reached its first record batch");
    Outcome second = b.importRun(B);
    a.release.countDown();

    assertOneWinsAndTheOtherWroteNothing(
        List.of(first.get(60, TimeUnit.SECONDS), second), List.of(a, b));
  }

  /** Interleaving: A is held just before its run item, every record written, while B imports. */
  @Test
  void anImportHeldBeforeItsRunItemWinsAndTheOtherWritesNoRecord() throws Exception {
    Writer a = new Writer(isRunItemPut());
    Writer b = new Writer(request -> false);

    Future<Outcome> first = threads.submit(() -> a.importRun(A));
    assertTrue(a.held.await(30, TimeUnit.SECONDS), "A reached its run item");
    Outcome second = b.importRun(B);
    a.release.countDown();

    assertOneWinsAndTheOtherWroteNothing(
        List.of(first.get(60, TimeUnit.SECONDS), second), List.of(a, b));
  }

  /** Threads released together, many times: whatever the interleaving, one bundle's run. */
  @Test
  void importsStartedTogetherLeaveOneBundlesRunEveryTime() throws Exception {
    for (int round = 0; round < 12; round++) {
      table = LocalAws.newTable(plain, RunLogTable::create);
      Writer a = new Writer(request -> false);
      Writer b = new Writer(request -> false);
      CyclicBarrier start = new CyclicBarrier(2);
      Future<Outcome> first =
          threads.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                return a.importRun(A);
              });
      Future<Outcome> second =
          threads.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                return b.importRun(B);
              });

      assertOneWinsAndTheOtherWroteNothing(
          List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)),
          List.of(a, b));
    }
  }

  /** Two imports of the same bundle: the second finishes the run, and the first is fine too. */
  @Test
  void twoImportsOfTheSameBundleBothSucceed() throws Exception {
    Writer a = new Writer(isRecordBatch());
    Writer b = new Writer(request -> false);

    Future<Outcome> first = threads.submit(() -> a.importRun(A));
    assertTrue(a.held.await(30, TimeUnit.SECONDS), "A reached its first record batch");
    Outcome second = b.importRun(A);
    a.release.countDown();

    assertEquals(null, second.failure(), "the second import takes over and completes");
    assertEquals(null, first.get(60, TimeUnit.SECONDS).failure(), "the first one finds it done");
    assertEquals(canonical(A), canonical(store().loadRun(A.state().key())));
  }

  /**
   * Interleaving: A has written every record and is held before its run item; B, of the same
   * bundle, takes the claim over and is held before its records. A completes the run on B's claim
   * (the same records, the same run item): the run is there while B still waits, and B then finds
   * it complete.
   */
  @Test
  void anImportOfTheSameBundleCompletesTheRunOnTheClaimTakenOverFromIt() throws Exception {
    Writer a = new Writer(isRunItemPut());
    Writer b = new Writer(isRecordBatch());

    Future<Outcome> first = threads.submit(() -> a.importRun(A));
    assertTrue(a.held.await(30, TimeUnit.SECONDS), "A reached its run item");
    Future<Outcome> second = threads.submit(() -> b.importRun(A));
    assertTrue(b.held.await(30, TimeUnit.SECONDS), "B took the claim over");
    a.release.countDown();

    assertEquals(null, first.get(60, TimeUnit.SECONDS).failure(), "A completes the run");
    assertEquals(canonical(A), canonical(store().loadRun(A.state().key())));
    b.release.countDown();
    assertEquals(null, second.get(60, TimeUnit.SECONDS).failure(), "B finds it complete");
    assertEquals(canonical(A), canonical(store().loadRun(A.state().key())));
  }

  /** A claim removed by hand while its import writes: that import fails closed, saying so. */
  @Test
  void anImportWhoseClaimWasRemovedAndTakenByAnotherBundleIsAConflictSayingRecordsMayBeMixed()
      throws Exception {
    Writer a = new Writer(isRunItemPut());

    Future<Outcome> first = threads.submit(() -> a.importRun(A));
    assertTrue(a.held.await(30, TimeUnit.SECONDS), "A reached its run item");
    plain.deleteItem(r -> r.tableName(table).key(key(PK, "RUN")));
    assertEquals(null, new Writer(request -> false).importRun(B).failure());
    a.release.countDown();

    RunpackException e = first.get(60, TimeUnit.SECONDS).failure();
    assertEquals(ErrorCode.CONFLICT, e.code(), e.getMessage());
    assertEquals(
        "run "
            + PK
            + " in table "
            + table
            + ": this import's claim was removed while its records were written, and another run"
            + " item took its place; the run's records may be mixed with this import's: delete the"
            + " run's items once no import of it is running, and import again",
        e.getMessage());
  }

  @Test
  void aStoppedImportLeavesAClaimTheReaderCallsNotThereYetAndOnlyItsBundleFinishes() {
    Writer killed = new Writer(request -> false);
    killed.killAtRecordBatch = 3; // two batches of records written, then the process "dies"
    Outcome stopped = killed.importRun(A);
    assertTrue(stopped.failure() != null, "the import was stopped");
    assertTrue(killed.recordsWritten.get() > 0, "it wrote records before it stopped");

    RunpackException notThere =
        assertThrows(RunpackException.class, () -> store().loadRun(A.state().key()));
    assertEquals(ErrorCode.RUN_NOT_FOUND, notThere.code(), notThere.getMessage());
    assertMatches(
        "no run for tenant 1, namespace 1, run run-2 in table "
            + Pattern.quote(table)
            + " \\(pk "
            + Pattern.quote(PK)
            + "\\): an import of it has not completed \\(import [0-9a-f-]{36}, started"
            + " 20[0-9T:.-]+Z\\), in progress or stopped unfinished",
        notThere.getMessage());
    // a record missing among those written (batches land in any order): still not there yet
    plain.deleteItem(r -> r.tableName(table).key(key(PK, "LOG#tool_calls#0000000003")));
    RunpackException withAGap =
        assertThrows(RunpackException.class, () -> store().loadRun(A.state().key()));
    assertEquals(ErrorCode.RUN_NOT_FOUND, withAGap.code(), withAGap.getMessage());
    assertEquals(notThere.getMessage(), withAGap.getMessage());

    Writer other = new Writer(request -> false);
    Outcome refused = other.importRun(B);
    assertEquals(ErrorCode.CONFLICT, refused.failure().code(), refused.failure().getMessage());
    assertMatches(
        "run "
            + Pattern.quote(PK)
            + " in table "
            + Pattern.quote(table)
            + " is held by an import of another bundle \\(import [0-9a-f-]{36}, started"
            + " 20[0-9T:.-]+Z\\), in progress or stopped unfinished; nothing written\\. Import that"
            + " bundle again to finish it, or delete the run's items once no import of it is"
            + " running",
        refused.failure().getMessage());
    assertEquals(0, other.recordsWritten.get(), "another bundle writes no record");

    Writer again = new Writer(request -> false);
    Outcome finished = again.importRun(A);
    assertEquals(null, finished.failure(), "the same bundle takes the claim over and finishes");
    assertEquals(canonical(A), canonical(store().loadRun(A.state().key())));
  }

  /**
   * An export reads the records of an import under way (a gap among them), and the import completes
   * before the export reads the run item on its own: the export loads the run again, whole, rather
   * than calling it corrupt (invalid_run_data, which a workflow does not retry).
   */
  @Test
  void anImportCompletingWhileItsRunIsLoadedIsLoadedWhole() {
    Writer killed = new Writer(request -> false);
    killed.killAtRecordBatch = 3;
    assertTrue(killed.importRun(A).failure() != null, "the import was stopped");
    plain.deleteItem(r -> r.tableName(table).key(key(PK, "LOG#tool_calls#0000000003")));
    AtomicBoolean completed = new AtomicBoolean();
    ExecutionInterceptor completeTheImport =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
            if (context.request() instanceof GetItemRequest
                && completed.compareAndSet(false, true)) {
              assertEquals(null, new Writer(request -> false).importRun(A).failure());
            }
          }
        };

    try (DynamoDbClient client =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(completeTheImport))) {
      LoadedRun loaded =
          new DynamoDbRunStore(client, table, LocalRunpack.CODEC).loadRun(A.state().key());

      assertTrue(completed.get(), "the import completed during the load");
      assertEquals(canonical(A), canonical(loaded));
    }
  }

  /**
   * The same, without a gap: the import's batches land in order, so a load beside it reads fewer
   * records than the run item's log_counts once the import has completed (found by a review).
   */
  @Test
  void anImportCompletingBeforeTheLoadReachesItsRunItemIsLoadedWhole() {
    LoadedRun every = RunBuilder.withEveryLog(30, 10);
    Writer killed = new Writer(request -> false);
    killed.killAtRecordBatch = 3;
    assertTrue(killed.importRun(every).failure() != null, "the import was stopped");
    AtomicBoolean completed = new AtomicBoolean();
    ExecutionInterceptor completeTheImport =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
            if (context.request() instanceof QueryRequest query
                && String.valueOf(query.exclusiveStartKey()).contains("LOG#triggers#0000000000")
                && completed.compareAndSet(false, true)) {
              assertEquals(null, new Writer(request -> false).importRun(every).failure());
            }
          }
        };

    try (DynamoDbClient client =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(completeTheImport))) {
      LoadedRun loaded =
          new DynamoDbRunStore(client, table, LocalRunpack.CODEC, Optional.of(5), 1)
              .loadRun(every.state().key());

      assertTrue(completed.get(), "the import completed during the load");
      assertEquals(canonical(every), canonical(loaded));
    }
  }

  private void assertOneWinsAndTheOtherWroteNothing(List<Outcome> outcomes, List<Writer> writers) {
    int winner = outcomes.get(0).failure() == null ? 0 : 1;
    int loser = 1 - winner;
    assertEquals(null, outcomes.get(winner).failure(), "one import succeeds");
    RunpackException refused = outcomes.get(loser).failure();
    if (refused == null) {
      fail("both imports succeeded");
    }
    assertEquals(ErrorCode.CONFLICT, refused.code(), refused.getMessage());
    assertEquals(0, writers.get(loser).recordsWritten.get(), "the refused import wrote records");
    LoadedRun won = winner == 0 ? A : B;
    assertEquals(canonical(won), canonical(store().loadRun(won.state().key())));
  }

  private static Predicate<SdkRequest> isRecordBatch() {
    return request -> request instanceof BatchWriteItemRequest batch && records(batch) > 0;
  }

  private static Predicate<SdkRequest> isRunItemPut() {
    return request ->
        request instanceof PutItemRequest put && put.item().containsKey(RunLogTable.STATE);
  }

  private static int records(BatchWriteItemRequest batch) {
    int records = 0;
    for (List<WriteRequest> writes : batch.requestItems().values()) {
      for (WriteRequest write : writes) {
        if (write.putRequest() != null
            && write.putRequest().item().get(RunLogTable.SK).s().startsWith("LOG#")) {
          records++;
        }
      }
    }
    return records;
  }

  record Outcome(RunpackException failure) {}

  /**
   * One importer with its own client: it counts the records it sends, can be held once before the
   * request {@code holdAt} matches, and can be stopped at its n-th record batch.
   */
  final class Writer implements ExecutionInterceptor {
    final Predicate<SdkRequest> holdAt;
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean holding = new AtomicBoolean();
    final AtomicInteger recordsWritten = new AtomicInteger();
    final AtomicInteger recordBatches = new AtomicInteger();
    int killAtRecordBatch = Integer.MAX_VALUE;

    Writer(Predicate<SdkRequest> holdAt) {
      this.holdAt = holdAt;
    }

    Outcome importRun(LoadedRun run) {
      try (DynamoDbClient client =
          LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(this))) {
        new DynamoDbRunImporter(client, table).importRun(run);
        return new Outcome(null);
      } catch (RunpackException e) {
        return new Outcome(e);
      } catch (RuntimeException e) { // stopped by this interceptor, not wrapped by the SDK
        return new Outcome(new RunpackException(ErrorCode.INTERNAL_ERROR, e.toString(), e));
      }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      if (holdAt.test(request) && holding.compareAndSet(false, true)) {
        held.countDown();
        try {
          if (!release.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (request instanceof BatchWriteItemRequest batch && records(batch) > 0) {
        if (recordBatches.incrementAndGet() >= killAtRecordBatch) {
          throw new IllegalStateException("killed");
        }
        recordsWritten.addAndGet(records(batch));
      }
    }
  }

  private DynamoDbRunStore store() {
    return new DynamoDbRunStore(plain, table, LocalRunpack.CODEC);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }

  private static void assertMatches(String regex, String actual) {
    assertTrue(Pattern.matches(regex, actual), actual);
  }

  private static String canonical(LoadedRun run) {
    return new String(CanonicalJson.toBytes(run.state().toJson()), StandardCharsets.UTF_8);
  }
}

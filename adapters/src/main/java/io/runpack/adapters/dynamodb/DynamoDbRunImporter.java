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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes a run bundle into the run-log table ({@link RunLogTable}): the run claimed first, then the
 * spec and every log record, then the run item last, so a run is never visible half imported.
 *
 * <p>Concurrency: BatchWriteItem cannot be conditional, so the run is claimed before any record is
 * written: a conditional PutItem ({@code attribute_not_exists(pk)}) of an <em>import claim</em> in
 * the run item's place, carrying a random import id, when it started and the digest of every item
 * the import writes. Only the claim's holder writes records; the run item replaces the claim
 * conditionally on the holder's import id still being there. An import that finds the run imported,
 * or claimed by an import of another bundle (in progress, or stopped unfinished), is refused
 * ({@link ErrorCode#CONFLICT}) before it writes any record, naming what holds the run. An import of
 * the same bundle (the same digest: the same items, byte for byte) takes an unfinished claim over,
 * since its records are the ones already written: that is how a stopped import is finished. Two
 * imports of the same bundle at once both succeed: whichever has written every record first
 * completes the run, on the other's claim if that one took it over (the same records, the same run
 * item), and the other finds it complete.
 *
 * <p>Guarantees: the spec must hash to the run state's spec hash (specs are stored under their
 * hash, so a wrong one would shadow the right one); every item is checked against DynamoDB's 400 KB
 * limit before anything is written; batch writes retry unprocessed items with backoff, a bounded
 * number of times; an already imported run is refused ({@link ErrorCode#CONFLICT}) rather than
 * mixed with new records, and so is a run another bundle's import holds. A failed import leaves its
 * claim (its records may be partly written): importing the same bundle again finishes it.
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
   * run item, the last one written; and their {@code digest}, which the run item carries too.
   */
  public record Items(
      Map<String, AttributeValue> spec,
      List<Map<String, AttributeValue>> records,
      Map<String, AttributeValue> run,
      String digest) {

    public Items {
      spec = Map.copyOf(spec);
      records = List.copyOf(records);
      run = Map.copyOf(run);
    }

    /**
     * SHA-256 (hex) of every item, in the order they are written, each attribute by name (the run
     * item without its digest): two imports have the same digest exactly when they write the same
     * items.
     */
    static String digestOf(
        Map<String, AttributeValue> spec,
        List<Map<String, AttributeValue>> records,
        Map<String, AttributeValue> run) {
      MessageDigest sha256 = Sha256.newDigest();
      update(sha256, spec);
      records.forEach(record -> update(sha256, record));
      update(sha256, run);
      return Sha256.hex(sha256.digest());
    }

    private static void update(MessageDigest sha256, Map<String, AttributeValue> item) {
      sha256.update((byte) '{');
      new TreeMap<>(item)
          .forEach(
              (name, value) -> {
                field(sha256, name);
                if (value.s() != null) {
                  sha256.update((byte) 'S');
                  field(sha256, value.s());
                } else if (value.n() != null) {
                  sha256.update((byte) 'N');
                  field(sha256, value.n());
                } else if (value.hasM()) {
                  sha256.update((byte) 'M');
                  update(sha256, value.m());
                } else {
                  throw new IllegalStateException("no such attribute in an imported item: " + name);
                }
              });
      sha256.update((byte) '}');
    }

    /** Length-prefixed, so no two sequences of fields hash alike. */
    private static void field(MessageDigest sha256, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha256.update(bytes);
    }
  }

  public Summary importRun(LoadedRun run) {
    Items items = items(run);
    String pk = RunLogTable.runPk(run.state().key());
    String importId = UUID.randomUUID().toString();
    claim(pk, items, importId);
    List<Map<String, AttributeValue>> batches = new ArrayList<>();
    batches.add(items.spec());
    batches.addAll(items.records());
    for (int from = 0; from < batches.size(); from += BATCH_SIZE) {
      writeBatch(batches.subList(from, Math.min(from + BATCH_SIZE, batches.size())));
    }
    complete(pk, items, importId);
    return new Summary(pk, items.records().size(), batches.size() + 1);
  }

  /**
   * Claims the run for the import {@code importId}: a new claim where nothing is, or the claim of
   * an unfinished import of the same items taken over; else a conflict, nothing written.
   */
  private void claim(String pk, Items items, String importId) {
    String digest = items.digest();
    Map<String, AttributeValue> claim = new HashMap<>();
    claim.put(RunLogTable.PK, AttributeValue.fromS(pk));
    claim.put(RunLogTable.SK, AttributeValue.fromS(RunLogTable.RUN_SK));
    claim.put(RunLogTable.IMPORT_ID, AttributeValue.fromS(importId));
    claim.put(RunLogTable.IMPORT_STARTED, AttributeValue.fromS(Instant.now().toString()));
    claim.put(RunLogTable.IMPORT_DIGEST, AttributeValue.fromS(digest));
    Optional<String> holder = Optional.empty(); // the import id of the claim to take over
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<String> taken = holder;
      try {
        dynamoDb.putItem(
            r -> {
              r.tableName(table).item(claim);
              if (taken.isEmpty()) {
                r.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", RunLogTable.PK));
              } else {
                r.conditionExpression("#id = :holder AND #digest = :digest")
                    .expressionAttributeNames(
                        Map.of("#id", RunLogTable.IMPORT_ID, "#digest", RunLogTable.IMPORT_DIGEST))
                    .expressionAttributeValues(
                        Map.of(
                            ":holder",
                            AttributeValue.fromS(taken.get()),
                            ":digest",
                            AttributeValue.fromS(digest)));
              }
            });
        return;
      } catch (ConditionalCheckFailedException e) {
        // someone else's: look at what holds the run
      } catch (SdkException e) {
        throw DynamoDbFailures.storageError("PutItem", table, "pk " + pk, e);
      }
      Optional<Map<String, AttributeValue>> now = runItem(pk);
      if (now.isEmpty()) {
        holder = Optional.empty(); // the claim went away: claim anew
        continue;
      }
      Optional<String> id = attribute(now.get(), RunLogTable.IMPORT_ID);
      if (id.isEmpty()) {
        throw alreadyImported(pk);
      }
      if (id.get().equals(importId)) {
        return; // this import's own claim: a retried request that had succeeded
      }
      if (!attribute(now.get(), RunLogTable.IMPORT_DIGEST).equals(Optional.of(digest))) {
        throw heldByAnotherBundle(pk, now.get());
      }
      holder = id; // an unfinished import of these very items: take it over
    }
    throw changedHands(pk, "claim it; nothing written");
  }

  /** The run's item as it is now (a run item, an import claim, or nothing). */
  private Optional<Map<String, AttributeValue>> runItem(String pk) {
    return RunLogTable.itemNow(dynamoDb, table, pk, RunLogTable.RUN_SK);
  }

  private static Optional<String> attribute(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? Optional.empty() : Optional.ofNullable(value.s());
  }

  /** The claim of an import in {@code item}, as messages name it. */
  static String describeClaim(Map<String, AttributeValue> item) {
    return "import "
        + attribute(item, RunLogTable.IMPORT_ID).orElse("?")
        + ", started "
        + attribute(item, RunLogTable.IMPORT_STARTED).orElse("?");
  }

  private RunpackException heldByAnotherBundle(String pk, Map<String, AttributeValue> claim) {
    return new RunpackException(
        ErrorCode.CONFLICT,
        "run "
            + pk
            + " in table "
            + table
            + " is held by an import of another bundle ("
            + describeClaim(claim)
            + "), in progress or stopped unfinished; nothing written. Import that bundle again to"
            + " finish it, or delete the run's items once no import of it is running");
  }

  /**
   * Replaces the claim with the run item, every record written: this import's claim, or the claim
   * of an import of the same items that took it over meanwhile (its records are the ones just
   * written, and its run item this one, byte for byte). A run already holding this very run item is
   * complete: an import of the same items finished it, or a retried request had succeeded.
   */
  private void complete(String pk, Items items, String importId) {
    Optional<String> digest = Optional.of(items.digest());
    String holder = importId;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      String claimed = holder;
      try {
        dynamoDb.putItem(
            r ->
                r.tableName(table)
                    .item(items.run())
                    .conditionExpression("#id = :id")
                    .expressionAttributeNames(Map.of("#id", RunLogTable.IMPORT_ID))
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(claimed))));
        return;
      } catch (ConditionalCheckFailedException e) {
        // taken over, completed or removed meanwhile: look
      } catch (SdkException e) {
        throw DynamoDbFailures.storageError("PutItem", table, "pk " + pk, e);
      }
      Optional<Map<String, AttributeValue>> now = runItem(pk);
      if (now.isPresent() && now.get().equals(items.run())) {
        return;
      }
      if (now.isEmpty()) {
        throw new RunpackException(
            ErrorCode.CONFLICT,
            "run "
                + pk
                + " in table "
                + table
                + ": this import's claim was removed while its records were written; its run item"
                + " is not written: import the bundle again");
      }
      Optional<String> id = attribute(now.get(), RunLogTable.IMPORT_ID);
      if (id.isEmpty() || !attribute(now.get(), RunLogTable.IMPORT_DIGEST).equals(digest)) {
        throw new RunpackException(
            ErrorCode.CONFLICT,
            "run "
                + pk
                + " in table "
                + table
                + ": this import's claim was removed while its records were written, and "
                + (id.isEmpty()
                    ? "another run item"
                    : "an import of another bundle (" + describeClaim(now.get()) + ")")
                + " took its place; the run's records may be mixed with this import's: delete the"
                + " run's items once no import of it is running, and import again");
      }
      holder = id.get(); // an import of the same items holds it now
    }
    throw changedHands(pk, "complete it");
  }

  private RunpackException changedHands(String pk, String what) {
    return new RunpackException(
        ErrorCode.CONFLICT,
        "run "
            + pk
            + " in table "
            + table
            + " changed hands "
            + MAX_ATTEMPTS
            + " times while this import tried to "
            + what);
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
    String digest = Items.digestOf(specItem, recordItems, runItem);
    runItem.put(RunLogTable.IMPORT_DIGEST, AttributeValue.fromS(digest));
    checkSize(runItem, "the run item");
    return new Items(specItem, recordItems, runItem, digest);
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

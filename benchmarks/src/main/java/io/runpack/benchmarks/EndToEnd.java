package io.runpack.benchmarks;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.dynamodb.RunPartitionRanges;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.s3.S3RunpackStorage;
import io.runpack.adapters.s3.S3Settings;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Timestamp;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * One benchmark run imported into DynamoDB, exported to S3 by Runpack through its real adapters
 * ({@link #export}, and {@link #exportSequential}: the run read page after page, as one Query), and
 * by two floors that issue the same requests with the bare SDK and do nothing else: {@link
 * #ioFloor} reads the partition as one Query, page after page, {@link #parallelFloor} as the store
 * reads it (the first page, then the same ranges on as many threads); then both the same GetItem
 * and the same PutObject bodies and headers with the same concurrency, manifest last. What Runpack
 * adds to a floor is its whole cost: decoding, canonicalizing, hashing, verifying.
 */
public final class EndToEnd {

  /** The same number of concurrent artifact writes as the deployed function. */
  static final int CONCURRENT_WRITES = 8;

  private final DynamoDbClient dynamoDb;
  private final S3Client s3;
  private final String table;
  private final String bucket;
  private final String runId;
  private final JacksonJsonCodec codec = new JacksonJsonCodec();
  private final DynamoDbRunStore store;
  private final DynamoDbRunStore sequentialStore;
  private final ExecutorService rangeReaders =
      Executors.newFixedThreadPool(
          DynamoDbRunStore.DEFAULT_LOAD_CONCURRENCY,
          task -> {
            Thread thread = new Thread(task, "parallel-floor");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicInteger exports = new AtomicInteger();
  private List<RunpackFile> files = List.of();
  private RunpackFile manifest;

  public EndToEnd(DynamoDbClient dynamoDb, S3Client s3, String table, String bucket, String runId) {
    this.dynamoDb = dynamoDb;
    this.s3 = s3;
    this.table = table;
    this.bucket = bucket;
    this.runId = runId;
    this.store = new DynamoDbRunStore(dynamoDb, table, codec);
    this.sequentialStore = new DynamoDbRunStore(dynamoDb, table, codec, Optional.empty(), 1);
  }

  /** Imports {@code run}, then exports it once to learn the bytes the floor will write. */
  public static EndToEnd prepare(
      DynamoDbClient dynamoDb, S3Client s3, String table, String bucket, LoadedRun run) {
    new DynamoDbRunImporter(dynamoDb, table).importRun(run);
    EndToEnd endToEnd = new EndToEnd(dynamoDb, s3, table, bucket, run.state().runId());
    endToEnd.captureFiles(run);
    return endToEnd;
  }

  private void captureFiles(LoadedRun run) {
    JacksonJsonCodec codec = new JacksonJsonCodec();
    List<RunpackFile> captured = new ArrayList<>();
    RunpackFile[] capturedManifest = new RunpackFile[1];
    new ExportRunpackService(
            new DynamoDbRunStore(dynamoDb, table, codec),
            (target, artifacts, manifestFile, storedSignature) -> {
              captured.addAll(artifacts);
              capturedManifest[0] = manifestFile;
              return Optional.empty();
            },
            codec,
            ExportSettings.NONE)
        .export(command("capture"));
    files = List.copyOf(captured);
    manifest = capturedManifest[0];
  }

  /**
   * The request: the runpack_export tool's input, with verification, to a new directory each time.
   */
  ExportRunpackCommand command(String outputDir) {
    return new ExportRunpackCommand(
        1,
        1,
        BenchmarkRuns.SCENARIO,
        runId,
        Timestamp.unixMillis(1795680120000L),
        true,
        RunpackPath.of(ExportRunpackCommand.DEFAULT_MANIFEST_NAME),
        Optional.of(outputDir));
  }

  /**
   * One export, write-once, under a root prefix of its own: S3 keys do not depend on the request's
   * output_dir, and exporting twice to the same keys would measure the idempotent re-export.
   */
  public ExportResult export() {
    return export(store);
  }

  /** One export as {@link #export}, its run read page after page (load concurrency 1). */
  public ExportResult exportSequential() {
    return export(sequentialStore);
  }

  private ExportResult export(DynamoDbRunStore store) {
    String root = "export-" + exports.incrementAndGet();
    S3RunpackStorage storage =
        new S3RunpackStorage(
            s3, new S3Settings(bucket, Optional.of(root), true, CONCURRENT_WRITES));
    try {
      return new ExportRunpackService(store, storage, codec, ExportSettings.NONE)
          .export(command(root));
    } finally {
      storage.close();
    }
  }

  private String pk() {
    return RunLogTable.runPk(new RunKey(1, 1, runId));
  }

  /**
   * The Query of a run's partition, as the run store issues it: strongly consistent, no page size.
   */
  static QueryRequest partitionQuery(String table, String runId) {
    return RunPartitionRanges.partition(
        table, RunLogTable.runPk(new RunKey(1, 1, runId)), Optional.empty());
  }

  /** The I/O floor: the partition as one Query, page after page. Returns the items read. */
  public int ioFloor() throws Exception {
    int items = 0;
    for (QueryResponse page : dynamoDb.queryPaginator(partitionQuery(table, runId))) {
      items += page.items().size();
    }
    getSpecAndWrite();
    return items;
  }

  /**
   * The parallel floor: the first page, then the store's ranges on as many threads as it uses.
   * Returns the items read.
   */
  public int parallelFloor() throws Exception {
    QueryResponse first = dynamoDb.query(partitionQuery(table, runId));
    int items = first.items().size();
    if (first.hasLastEvaluatedKey() && !first.lastEvaluatedKey().isEmpty()) {
      List<Future<Integer>> ranges = new ArrayList<>();
      for (RunPartitionRanges.PartitionRange range :
          RunPartitionRanges.after(table, pk(), first.lastEvaluatedKey(), Optional.empty())) {
        ranges.add(rangeReaders.submit(() -> readRange(range.query())));
      }
      for (Future<Integer> range : ranges) {
        items += range.get();
      }
    }
    getSpecAndWrite();
    return items;
  }

  private int readRange(QueryRequest query) {
    int items = 0;
    for (QueryResponse page : dynamoDb.queryPaginator(query)) {
      items += page.items().size();
    }
    return items;
  }

  private void getSpecAndWrite() throws Exception {
    HashDigest specHash = files.get(0).hash(); // the first artifact is the scenario spec
    dynamoDb.getItem(
        r ->
            r.tableName(table)
                .consistentRead(true)
                .key(
                    Map.of(
                        RunLogTable.PK,
                            AttributeValue.fromS(
                                RunLogTable.scenarioPk(1, 1, BenchmarkRuns.SCENARIO)),
                        RunLogTable.SK, AttributeValue.fromS(RunLogTable.specSk(specHash)))));
    String prefix = "floor-" + exports.incrementAndGet() + "/";
    ExecutorService writers = Executors.newFixedThreadPool(CONCURRENT_WRITES);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (RunpackFile file : files) {
        writes.add(writers.submit(() -> put(prefix, file)));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      writers.shutdown();
    }
    put(prefix, manifest);
  }

  private void put(String prefix, RunpackFile file) {
    s3.putObject(
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(prefix + file.path().value())
            .contentType("application/json")
            .contentLength((long) file.bytes().length)
            .checksumSHA256(
                Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.hash().value())))
            .ifNoneMatch("*")
            .build(),
        RequestBody.fromBytes(file.bytes()));
  }

  /** Files of the runpack, manifest included, and their bytes. */
  public int fileCount() {
    return files.size() + 1;
  }

  public long runpackBytes() {
    long bytes = manifest.bytes().length;
    for (RunpackFile file : files) {
      bytes += file.bytes().length;
    }
    return bytes;
  }
}

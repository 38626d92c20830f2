package io.runpack.benchmarks;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.model.LoadedRun;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Request counts and peak heap of one export per run (arguments: run names as in {@link
 * EndToEndBenchmark}, and {@code --min-heap} to also search the smallest heap that completes each
 * export). The run is imported here; the export runs in a JVM of its own ({@link ExportOnce}) with
 * the function's JVM flags and a heap limit of 3 × the runpack's bytes + 64 MiB, the target, so a
 * completed export proves the bound. Prints one JSON line per run.
 */
public final class EndToEndProbe {

  private static final long MIB = 1024 * 1024;

  /** What the deployed function gives the JVM (infra: JAVA_TOOL_OPTIONS). */
  static final List<String> FUNCTION_FLAGS =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private EndToEndProbe() {}

  public static void main(String[] args) throws Exception {
    boolean minHeap = List.of(args).contains("--min-heap");
    DynamoDbClient dynamoDb = LocalAws.dynamoDb();
    S3Client s3 = LocalAws.s3();
    for (String run : args) {
      if (run.startsWith("--")) {
        continue;
      }
      String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
      String bucket = LocalAws.newBucket(s3);
      LoadedRun loaded = BenchmarkRuns.named(run);
      int records = loaded.state().recordCount();
      long runpackBytes = EndToEnd.prepare(dynamoDb, s3, table, bucket, loaded).runpackBytes();
      loaded = null; // only the child's heap is measured, but keep this one small too
      long partitionBytes = partitionBytes(dynamoDb, table, BenchmarkRuns.runId(run));
      long bound = 3 * runpackBytes + 64 * MIB;
      String child = exportOnce(table, bucket, BenchmarkRuns.runId(run), bound);
      if (child == null) {
        throw new IllegalStateException(
            "the export of run " + run + " did not complete in a heap of " + bound + " bytes");
      }
      StringBuilder line = new StringBuilder(child.substring(0, child.length() - 1));
      line.append(
          String.format(
              Locale.ROOT,
              ",\"run\":\"%s\",\"records\":%d,\"heap_limit\":%d,\"partition_bytes\":%d,\"query_min\":%d",
              run,
              records,
              bound,
              partitionBytes,
              (partitionBytes + MIB - 1) / MIB));
      if (minHeap) {
        line.append(",\"min_heap_mib\":")
            .append(minimumHeapMib(table, bucket, BenchmarkRuns.runId(run), bound / MIB));
      }
      System.out.println(line.append('}'));
    }
    System.exit(0); // the local stack stops with this JVM
  }

  /**
   * Runs {@link ExportOnce} with {@code heapBytes} of heap; its JSON line, or null if it failed.
   */
  private static String exportOnce(String table, String bucket, String runId, long heapBytes)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heapBytes / 1024 + "k");
    command.addAll(FUNCTION_FLAGS);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ExportOnce.class.getName(),
            LocalAws.stack().s3Endpoint().toString(),
            LocalAws.stack().dynamoDbEndpoint().toString(),
            table,
            bucket,
            runId));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return process.waitFor() == 0 && out.startsWith("{") ? out : null;
  }

  /** Bisection over whole MiB for the smallest heap in which the export completes. */
  private static long minimumHeapMib(String table, String bucket, String runId, long knownGoodMib)
      throws Exception {
    long low = 16;
    long high = knownGoodMib;
    while (low < high) {
      long mid = (low + high) / 2;
      if (exportOnce(table, bucket, runId, mid * MIB) != null) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return high;
  }

  /** Size of the run's partition by DynamoDB's item-size rules: what the 1 MB Query pages hold. */
  private static long partitionBytes(DynamoDbClient dynamoDb, String table, String runId) {
    long bytes = 0;
    for (QueryResponse page : dynamoDb.queryPaginator(EndToEnd.partitionQuery(table, runId))) {
      for (Map<String, AttributeValue> item : page.items()) {
        bytes += itemSize(item);
      }
    }
    return bytes;
  }

  private static long itemSize(Map<String, AttributeValue> attributes) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
      size +=
          attribute.getKey().getBytes(StandardCharsets.UTF_8).length
              + valueSize(attribute.getValue());
    }
    return size;
  }

  private static long valueSize(AttributeValue value) {
    if (value.s() != null) {
      return value.s().getBytes(StandardCharsets.UTF_8).length;
    }
    if (value.n() != null) {
      return (value.n().replace("-", "").length() + 1) / 2 + 1;
    }
    if (value.hasM()) {
      return 3 + itemSize(value.m()) + value.m().size();
    }
    return 1;
  }
}

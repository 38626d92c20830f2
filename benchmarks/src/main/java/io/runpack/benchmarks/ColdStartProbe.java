package io.runpack.benchmarks;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.localaws.LocalLambdaRuntime;
import io.runpack.localaws.PackagedFunction;
import io.runpack.testsupport.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Cold start of the packaged function: from starting its JVM to the first completed export of a
 * 1,000-record run (DynamoDB → S3 on the local stack), through a local Lambda Runtime API. The
 * baseline, measured in the same rounds, is {@link EmptyHandler} under the same runtime client and
 * JVM flags: what any JVM Lambda pays before doing anything. Variants run interleaved, one of each
 * per round, each export into a new bucket. Arguments: function.zip, the runtime client's jar
 * directory, rounds. Prints one JSON line per variant.
 */
public final class ColdStartProbe {

  private static final String FUNCTION_HANDLER =
      "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
  private static final String EMPTY_HANDLER = EmptyHandler.class.getName() + "::handleRequest";
  static final String RUN = "1000";

  private ColdStartProbe() {}

  private record Variant(String name, String classpath, String handler, List<String> flags) {}

  public static void main(String[] args) throws Exception {
    Path zip = Path.of(args[0]).toAbsolutePath();
    Path ric = Path.of(args[1]).toAbsolutePath();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    DynamoDbClient dynamoDb = LocalAws.dynamoDb();
    S3Client s3 = LocalAws.s3();
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    new DynamoDbRunImporter(dynamoDb, table).importRun(BenchmarkRuns.named(RUN));
    Path task = PackagedFunction.unpack(zip, Files.createTempDirectory("runpack-task"));
    Path log = Files.createTempFile("cold-start", ".log");
    String functionClasspath = PackagedFunction.classpath(task, ric);
    List<Variant> variants =
        List.of(
            new Variant(
                "empty handler (baseline)",
                Path.of(System.getProperty("java.class.path")).toAbsolutePath() + ":" + ric + "/*",
                EMPTY_HANDLER,
                EndToEndProbe.FUNCTION_FLAGS),
            new Variant(
                "runpack, function flags",
                functionClasspath,
                FUNCTION_HANDLER,
                EndToEndProbe.FUNCTION_FLAGS),
            new Variant("runpack, default flags", functionClasspath, FUNCTION_HANDLER, List.of()));
    Map<Variant, List<Long>> millis = new LinkedHashMap<>();
    variants.forEach(v -> millis.put(v, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (Variant variant : variants) {
        millis.get(variant).add(coldStart(variant, task, table, LocalAws.newBucket(s3), log));
      }
    }
    long baseline = median(millis.get(variants.get(0)));
    for (Variant variant : variants) {
      List<Long> times = millis.get(variant);
      times.sort(null);
      System.out.printf(
          Locale.ROOT,
          "{\"variant\":\"%s\",\"median_ms\":%d,\"min_ms\":%d,\"max_ms\":%d,\"rounds\":%d,\"vs_baseline\":%.2f,\"flags\":\"%s\"}%n",
          variant.name(),
          median(times),
          times.get(0),
          times.get(times.size() - 1),
          times.size(),
          (double) median(times) / baseline,
          String.join(" ", variant.flags()));
    }
    System.exit(0);
  }

  private static long coldStart(Variant variant, Path task, String table, String bucket, Path log)
      throws Exception {
    try (LocalLambdaRuntime runtime = new LocalLambdaRuntime()) {
      var answer = runtime.invoke(request());
      long start = System.nanoTime();
      Process process =
          PackagedFunction.start(
              variant.flags(),
              variant.classpath(),
              variant.handler(),
              task,
              runtime,
              PackagedFunction.runpackEnvironment(LocalAws.stack(), table, bucket),
              log);
      try {
        while (!answer.isDone() && process.isAlive()) {
          try {
            answer.get(100, TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.TimeoutException e) {
            // still starting
          }
        }
        if (!answer.isDone()) {
          throw new IllegalStateException(
              variant.name() + " exited before answering (log: " + log + ")");
        }
        LocalLambdaRuntime.Answer result = answer.get();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        String body = new String(result.body(), StandardCharsets.UTF_8);
        if (result.error()
            || (variant.handler().equals(FUNCTION_HANDLER) && !body.contains("\"storage_uri\""))) {
          throw new IllegalStateException(
              variant.name() + " failed: " + body + " (log: " + log + ")");
        }
        return elapsed;
      } finally {
        PackagedFunction.stop(process);
      }
    }
  }

  static byte[] request() {
    return ("{\"tenant_id\":1,\"namespace_id\":1,\"scenario_id\":\""
            + BenchmarkRuns.SCENARIO
            + "\",\"run_id\":\""
            + BenchmarkRuns.runId(RUN)
            + "\",\"generated_at\":{\"kind\":\"unix_millis\",\"value\":1795680120000},\"include_verification\":true}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}

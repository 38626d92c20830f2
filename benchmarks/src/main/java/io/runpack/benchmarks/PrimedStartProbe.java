package io.runpack.benchmarks;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.localaws.PackagedFunction;
import io.runpack.testsupport.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SnapStart proxy (issue 17): a fresh JVM with the function's flags runs the priming step at
 * startup ({@code RUNPACK_PRIMING_AT_STARTUP}, what SnapStart runs before its snapshot), then its
 * first real export of a 1,000-record run (DynamoDB → S3 on the local stack) is timed against a
 * warm export of the same run in the same JVM (the {@value #WARM}th). The same with priming but
 * without its stub requests ({@code RUNPACK_PRIMING_REQUESTS=false}), and without priming, are the
 * comparisons. Each export is timed from queuing its event to its answer, once the function has
 * started (its log says so) and polls for it. Arguments: function.zip, the runtime client's jar
 * directory, rounds. Prints one JSON line per variant (medians over the rounds).
 */
public final class PrimedStartProbe {

  static final int WARM = 20;

  private PrimedStartProbe() {}

  private record Variant(String name, Map<String, String> environment) {}

  private record Times(long startedMs, long firstMs, long warmMs) {}

  public static void main(String[] args) throws Exception {
    Path zip = Path.of(args[0]).toAbsolutePath();
    Path ric = Path.of(args[1]).toAbsolutePath();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    String table = LocalAws.newTable(LocalAws.dynamoDb(), RunLogTable::create);
    new DynamoDbRunImporter(LocalAws.dynamoDb(), table)
        .importRun(BenchmarkRuns.named(ColdStartProbe.RUN));
    Path task = PackagedFunction.unpack(zip, Files.createTempDirectory("runpack-task"));
    List<Variant> variants =
        List.of(
            new Variant("priming at startup", Map.of("RUNPACK_PRIMING_AT_STARTUP", "true")),
            new Variant(
                "priming at startup, no requests",
                Map.of("RUNPACK_PRIMING_AT_STARTUP", "true", "RUNPACK_PRIMING_REQUESTS", "false")),
            new Variant("no priming", Map.of("RUNPACK_PRIMING_ENABLED", "false")));
    Map<Variant, List<Times>> times = new LinkedHashMap<>();
    variants.forEach(v -> times.put(v, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (Variant variant : variants) {
        times.get(variant).add(run(variant, task, ric, table));
      }
    }
    for (Variant variant : variants) {
      List<Times> all = times.get(variant);
      long first = median(all.stream().map(Times::firstMs).toList());
      long warm = median(all.stream().map(Times::warmMs).toList());
      System.out.printf(
          Locale.ROOT,
          "{\"variant\":\"%s\",\"started_ms\":%d,\"first_export_ms\":%d,\"warm_export_ms\":%d,"
              + "\"first_vs_warm\":%.2f,\"first_exports_ms\":%s,\"warm_exports_ms\":%s,\"rounds\":%d}%n",
          variant.name(),
          median(all.stream().map(Times::startedMs).toList()),
          first,
          warm,
          (double) first / warm,
          all.stream().map(Times::firstMs).toList(),
          all.stream().map(Times::warmMs).toList(),
          all.size());
    }
    System.exit(0);
  }

  private static Times run(Variant variant, Path task, Path ric, String table) throws Exception {
    Path log = Files.createTempFile("primed-start", ".log");
    Map<String, String> environment =
        new HashMap<>(
            PackagedFunction.runpackEnvironment(
                LocalAws.stack(), table, LocalAws.newBucket(LocalAws.s3())));
    environment.putAll(variant.environment());
    long start = System.nanoTime();
    try (FunctionProcess function =
        FunctionProcess.start(task, ric, EndToEndProbe.FUNCTION_FLAGS, environment, log)) {
      awaitStarted(log);
      long started = millisSince(start);
      long first = 0;
      long warm = 0;
      for (int export = 1; export <= WARM; export++) {
        long queued = System.nanoTime();
        function.invoke(ColdStartProbe.request());
        long elapsed = millisSince(queued);
        if (export == 1) {
          first = elapsed;
        }
        warm = elapsed;
      }
      return new Times(started, first, warm);
    }
  }

  /** Waits for Quarkus's "started in" line: priming (when on) is done, the poll loop is next. */
  private static void awaitStarted(Path log) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(" started in ")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the function did not start (log: " + log + ")");
      }
      Thread.sleep(5);
    }
    Thread.sleep(50); // the poll loop's first request for the next event
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}

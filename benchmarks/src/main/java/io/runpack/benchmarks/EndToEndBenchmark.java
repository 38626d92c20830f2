package io.runpack.benchmarks;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.model.LoadedRun;
import io.runpack.testsupport.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole exports, DynamoDB (dynalite) → S3 (S3Mock) over loopback HTTP with the AWS SDK, against the
 * I/O floors of the same run ({@link EndToEnd#ioFloor}: the partition read as one sequential Query;
 * {@link EndToEnd#parallelFloor}: read as the store reads it, in ranges on as many threads), in the
 * same JVM and the same local stack. Each round times four things — the export, the export with a
 * sequential load ({@link EndToEnd#exportSequential}, the requests of one Query, as before ranges),
 * and the two floors — in an order that rotates from round to round, because the local servers slow
 * down as they fill (S3Mock keeps every object on disk): measuring one side after the other would
 * bill that drift to whichever ran last. Each round gives ratios (the export against each floor and
 * against the sequential export); medians and quartiles are reported. Arguments: run names (record
 * counts or {@code largest}). Prints one JSON line per run.
 */
public final class EndToEndBenchmark {

  private static final long WARMUP_NANOS = 20_000_000_000L;
  private static final long MEASURE_NANOS = 60_000_000_000L;
  private static final int MIN_ROUNDS = 5;

  /** What a round times, by column. */
  private static final int EXPORT = 0;

  private static final int SEQUENTIAL_EXPORT = 1;
  private static final int FLOOR = 2;
  private static final int PARALLEL_FLOOR = 3;

  private EndToEndBenchmark() {}

  public static void main(String[] args) throws Exception {
    DynamoDbClient dynamoDb = LocalAws.dynamoDb();
    S3Client s3 = LocalAws.s3();
    for (String run : args) {
      LoadedRun loaded = BenchmarkRuns.named(run);
      int records = loaded.state().recordCount();
      EndToEnd endToEnd =
          EndToEnd.prepare(
              dynamoDb,
              s3,
              LocalAws.newTable(dynamoDb, RunLogTable::create),
              LocalAws.newBucket(s3),
              loaded);
      loaded = null;
      rounds(endToEnd, WARMUP_NANOS, 2);
      List<long[]> rounds = rounds(endToEnd, MEASURE_NANOS, MIN_ROUNDS);
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "{\"run\":\"%s\",\"records\":%d,\"runpack_bytes\":%d,\"pairs\":%d",
                  run,
                  records,
                  endToEnd.runpackBytes(),
                  rounds.size()));
      quartiles(line, "runpack_ms", rounds, r -> r[EXPORT] / 1e6, "%.1f");
      quartiles(line, "floor_ms", rounds, r -> r[FLOOR] / 1e6, "%.1f");
      quartiles(line, "ratio", rounds, r -> (double) r[EXPORT] / r[FLOOR], "%.3f");
      quartiles(line, "parallel_floor_ms", rounds, r -> r[PARALLEL_FLOOR] / 1e6, "%.1f");
      quartiles(
          line, "parallel_ratio", rounds, r -> (double) r[EXPORT] / r[PARALLEL_FLOOR], "%.3f");
      quartiles(line, "sequential_runpack_ms", rounds, r -> r[SEQUENTIAL_EXPORT] / 1e6, "%.1f");
      quartiles(
          line, "sequential_ratio", rounds, r -> (double) r[EXPORT] / r[SEQUENTIAL_EXPORT], "%.3f");
      System.out.println(line.append('}'));
    }
    System.exit(0); // the local stack stops with this JVM
  }

  /**
   * Runs rounds for at least {@code nanos} and {@code minRounds}; nanoseconds of each, by column.
   */
  private static List<long[]> rounds(EndToEnd endToEnd, long nanos, int minRounds)
      throws Exception {
    List<long[]> rounds = new ArrayList<>();
    long end = System.nanoTime() + nanos;
    while (rounds.size() < minRounds || System.nanoTime() < end) {
      long[] round = new long[4];
      for (int i = 0; i < 4; i++) {
        int column = (i + rounds.size()) % 4;
        long start = System.nanoTime();
        switch (column) {
          case EXPORT -> endToEnd.export();
          case SEQUENTIAL_EXPORT -> endToEnd.exportSequential();
          case FLOOR -> endToEnd.ioFloor();
          default -> endToEnd.parallelFloor();
        }
        round[column] = System.nanoTime() - start;
      }
      rounds.add(round);
    }
    return rounds;
  }

  /** Appends {@code "name":median,"name_p25":p25,"name_p75":p75} of one value per round. */
  private static void quartiles(
      StringBuilder line,
      String name,
      List<long[]> rounds,
      ToDoubleFunction<long[]> value,
      String format) {
    List<Double> values = new ArrayList<>();
    for (long[] round : rounds) {
      values.add(value.applyAsDouble(round));
    }
    line.append(",\"")
        .append(name)
        .append("\":")
        .append(String.format(Locale.ROOT, format, quantile(values, 0.5)));
    line.append(",\"")
        .append(name)
        .append("_p25\":")
        .append(String.format(Locale.ROOT, format, quantile(values, 0.25)));
    line.append(",\"")
        .append(name)
        .append("_p75\":")
        .append(String.format(Locale.ROOT, format, quantile(values, 0.75)));
  }

  private static double quantile(List<Double> values, double q) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    double position = q * (sorted.size() - 1);
    int low = (int) Math.floor(position);
    int high = (int) Math.ceil(position);
    return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
  }
}

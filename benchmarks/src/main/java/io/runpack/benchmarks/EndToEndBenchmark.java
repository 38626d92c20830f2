package io.runpack.benchmarks;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.model.LoadedRun;
import io.runpack.testsupport.LocalAws;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole exports, DynamoDB (dynalite) → S3 (S3Mock) over loopback HTTP with the AWS SDK, against the
 * I/O floor ({@link EndToEnd#ioFloor}) of the same run, in the same JVM and the same local stack.
 * The two alternate, in pairs whose order also alternates, because the local servers slow down as
 * they fill (S3Mock keeps every object on disk): measuring one side after the other would bill that
 * drift to whichever ran second. Each pair gives a ratio; the median ratio is reported with the
 * median times. Arguments: run names (record counts or {@code largest}). Prints one JSON line per
 * run.
 */
public final class EndToEndBenchmark {

  private static final long WARMUP_NANOS = 20_000_000_000L;
  private static final long MEASURE_NANOS = 60_000_000_000L;
  private static final int MIN_PAIRS = 5;

  private EndToEndBenchmark() {}

  public static void main(String[] args) throws Exception {
    DynamoDbClient dynamoDb = LocalAws.dynamoDb();
    S3Client s3 = LocalAws.s3();
    for (String run : args) {
      LoadedRun loaded = BenchmarkRuns.named(run);
      int records = loaded.state().logs().values().stream().mapToInt(List::size).sum();
      EndToEnd endToEnd =
          EndToEnd.prepare(
              dynamoDb,
              s3,
              LocalAws.newTable(dynamoDb, RunLogTable::create),
              LocalAws.newBucket(s3),
              loaded);
      loaded = null;
      pairs(endToEnd, WARMUP_NANOS, 2);
      List<long[]> pairs = pairs(endToEnd, MEASURE_NANOS, MIN_PAIRS);
      List<Double> runpack = new ArrayList<>();
      List<Double> floor = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (long[] pair : pairs) {
        runpack.add(pair[0] / 1e6);
        floor.add(pair[1] / 1e6);
        ratios.add((double) pair[0] / pair[1]);
      }
      System.out.printf(
          "{\"run\":\"%s\",\"records\":%d,\"runpack_bytes\":%d,\"pairs\":%d,"
              + "\"runpack_ms\":%.1f,\"runpack_ms_p25\":%.1f,\"runpack_ms_p75\":%.1f,"
              + "\"floor_ms\":%.1f,\"floor_ms_p25\":%.1f,\"floor_ms_p75\":%.1f,"
              + "\"ratio\":%.3f,\"ratio_p25\":%.3f,\"ratio_p75\":%.3f}%n",
          run,
          records,
          endToEnd.runpackBytes(),
          pairs.size(),
          quantile(runpack, 0.5),
          quantile(runpack, 0.25),
          quantile(runpack, 0.75),
          quantile(floor, 0.5),
          quantile(floor, 0.25),
          quantile(floor, 0.75),
          quantile(ratios, 0.5),
          quantile(ratios, 0.25),
          quantile(ratios, 0.75));
    }
    System.exit(0); // the local stack stops with this JVM
  }

  /**
   * Runs export/floor pairs for at least {@code nanos} and {@code minPairs}; nanoseconds of each.
   */
  private static List<long[]> pairs(EndToEnd endToEnd, long nanos, int minPairs) throws Exception {
    List<long[]> pairs = new ArrayList<>();
    long end = System.nanoTime() + nanos;
    while (pairs.size() < minPairs || System.nanoTime() < end) {
      long[] pair = new long[2];
      boolean floorFirst = pairs.size() % 2 == 1;
      if (floorFirst) {
        pair[1] = timeFloor(endToEnd);
      }
      long start = System.nanoTime();
      endToEnd.export();
      pair[0] = System.nanoTime() - start;
      if (!floorFirst) {
        pair[1] = timeFloor(endToEnd);
      }
      pairs.add(pair);
    }
    return pairs;
  }

  private static long timeFloor(EndToEnd endToEnd) throws Exception {
    long start = System.nanoTime();
    endToEnd.ioFloor();
    return System.nanoTime() - start;
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

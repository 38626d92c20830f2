package io.runpack.benchmarks;

import static io.runpack.benchmarks.TimedBatches.column;
import static io.runpack.benchmarks.TimedBatches.median;

import io.runpack.domain.model.Limits;
import io.runpack.json.CanonicalJson;
import io.runpack.json.Canonicalizer;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The export core's ratios to its baselines, measured in pairs: {@link ExportCoreBenchmark}'s three
 * operations (Runpack, A: Jackson streaming copy, B: erdtman JCS, each + SHA-256) and its floor
 * (Jackson's parser reading the tokens and nothing more, no hash) on the same document, in batches
 * of a few hundred milliseconds that take turns within one JVM, round after round, in a rotating
 * order, each timed by the CPU time of the whole process (the collector's and the compiler's
 * threads included). Each round gives one ratio per baseline from batches run moments apart, so a
 * shared machine whose speed drifts by tens of percent within a minute moves both sides of a ratio
 * alike, and time spent waiting for a core is not counted; JMH, which measures one operation for
 * seconds, in its own JVM, by the wall clock, and then the next, cannot tell such drift from a
 * difference. Prints one JSON line per log and size: medians of the per-operation times and of the
 * per-round ratios, with the lowest and highest ratio ({@code runpack_vs_floor} above 1: Runpack
 * took less time than the floor).
 *
 * <p>Two parts of Runpack's own time are measured in the same rounds, for where it goes: {@code
 * hash_us}, SHA-256 of the canonical bytes alone (as the operations take it, {@code getInstance}
 * included), and {@code canonical_input_us}, Runpack's operation on the document's canonical bytes
 * themselves: text that needs no change at all (no member moved, no number or escape rewritten),
 * read, checked and copied, + SHA-256; {@code canonical_input_vs_b}, B's time divided by that one
 * in each round (the median), is what Runpack's ratio to B would be if rewriting the document cost
 * nothing.
 *
 * <p>Arguments: rounds (default 21), batch milliseconds (default 300), sizes (default the JMH
 * benchmark's four, comma-separated), clock: {@code cpu} (the default) or {@code wall}. The process
 * CPU clock ticks every 10 ms on Linux, so a 300 ms batch is timed within about 3%, and at one
 * record a ratio near a target moves by such steps; on a quiet machine (load well under a core),
 * where waiting for a core costs nothing, the wall clock times the same batches to the nanosecond.
 * Each line names its clock. Run with the JMH fork's heap: {@code java -Xms1g -Xmx1g -cp
 * benchmarks/target/benchmarks.jar io.runpack.benchmarks.CoreRatioProbe}.
 */
public final class CoreRatioProbe {

  private static final int[] SIZES = {1024, 65536, 1048576, 16711680};

  /**
   * The benchmark whose operations are measured, on each log and size in turn: its working memory
   * (the canonicalizer's) and Jackson's factory are kept from one document to the next.
   */
  private final ExportCoreBenchmark benchmark = new ExportCoreBenchmark();

  /**
   * Runpack's working memory for the document's own canonical bytes ({@code canonical_input_us}),
   * kept apart from the benchmark's so that neither learns the other's shapes.
   */
  private final Canonicalizer canonicalInput = new Canonicalizer();

  private final String clock;
  private final TimedBatches batches;

  private CoreRatioProbe(String clock) {
    this.clock = clock;
    this.batches = batches(clock);
  }

  /** Batches timed by {@code clock}: {@code cpu} or {@code wall}. */
  private static TimedBatches batches(String clock) {
    return switch (clock) {
      case "cpu" -> TimedBatches.processCpuTime();
      case "wall" -> TimedBatches.wallClock();
      default ->
          throw new IllegalArgumentException("clock must be cpu or wall, not \"" + clock + "\"");
    };
  }

  public static void main(String[] args) {
    int rounds = 21;
    long batchNanos = 300_000_000L;
    int[] sizes = SIZES;
    String clock = args.length > 3 ? args[3] : "cpu";
    try {
      rounds = args.length > 0 ? Integer.parseInt(args[0]) : rounds;
      batchNanos = args.length > 1 ? Long.parseLong(args[1]) * 1_000_000L : batchNanos;
      if (args.length > 2) {
        sizes = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
      }
      batches(clock);
    } catch (IllegalArgumentException e) { // a number that is not one, too, or an unknown clock
      System.err.println(
          "usage: CoreRatioProbe [rounds] [batch-ms] [bytes,bytes,...] [cpu|wall]: "
              + e.getMessage());
      System.exit(2);
    }
    run(rounds, batchNanos, sizes, clock, System.out);
  }

  /**
   * Measures every log at every size by {@code clock} ({@code cpu} or {@code wall}), printing one
   * JSON line each to {@code out}.
   */
  static void run(int rounds, long batchNanos, int[] sizes, String clock, PrintStream out) {
    CoreRatioProbe probe = new CoreRatioProbe(clock);
    for (CoreLog log : CoreLog.values()) {
      for (int size : sizes) {
        out.println(probe.measure(log, size, rounds, batchNanos));
      }
    }
    if (probe.batches.sink() == 42) {
      out.println(); // keeps the digests alive
    }
  }

  private String measure(CoreLog log, int size, int rounds, long batchNanos) {
    benchmark.log = log;
    benchmark.bytes = size;
    benchmark.generate();
    byte[] canonical = CanonicalJson.canonicalize(benchmark.document(), Limits.MAX_ARTIFACT_BYTES);
    TimedBatches.Operation[] operations = {
      () -> benchmark.runpack()[0],
      () -> benchmark.floorJacksonStreamingCopy()[0],
      () -> benchmark.erdtmanJcs()[0],
      benchmark::jacksonTokensOnly,
      () -> ExportCoreBenchmark.sha256(canonical)[0],
      () ->
          ExportCoreBenchmark.sha256(
              canonicalInput.canonicalize(canonical, Limits.MAX_ARTIFACT_BYTES))[0]
    };
    List<double[]> perOp = batches.rounds(operations, rounds, batchNanos);
    double[] runpack = column(perOp, r -> r[0]);
    double[] versusA = column(perOp, r -> r[1] / r[0]);
    double[] versusB = column(perOp, r -> r[2] / r[0]);
    double[] versusFloor = column(perOp, r -> r[3] / r[0]);
    double[] canonicalInputVersusB = column(perOp, r -> r[2] / r[5]);
    return String.format(
        Locale.ROOT,
        "{\"log\":\"%s\",\"bytes\":%d,\"document_bytes\":%d,\"clock\":\"%s\",\"rounds\":%d,"
            + "\"runpack_us\":%.2f,\"a_us\":%.2f,\"b_us\":%.2f,\"floor_us\":%.2f,"
            + "\"hash_us\":%.2f,\"canonical_input_us\":%.2f,"
            + "\"runpack_vs_a\":%.2f,\"runpack_vs_a_range\":[%.2f,%.2f],"
            + "\"runpack_vs_b\":%.2f,\"runpack_vs_b_range\":[%.2f,%.2f],"
            + "\"runpack_vs_floor\":%.2f,\"runpack_vs_floor_range\":[%.2f,%.2f],"
            + "\"canonical_input_vs_b\":%.2f}",
        log,
        size,
        benchmark.document().length,
        clock,
        rounds,
        median(runpack) / 1000,
        median(column(perOp, r -> r[1])) / 1000,
        median(column(perOp, r -> r[2])) / 1000,
        median(column(perOp, r -> r[3])) / 1000,
        median(column(perOp, r -> r[4])) / 1000,
        median(column(perOp, r -> r[5])) / 1000,
        median(versusA),
        versusA[0],
        versusA[versusA.length - 1],
        median(versusB),
        versusB[0],
        versusB[versusB.length - 1],
        median(versusFloor),
        versusFloor[0],
        versusFloor[versusFloor.length - 1],
        median(canonicalInputVersusB));
  }
}

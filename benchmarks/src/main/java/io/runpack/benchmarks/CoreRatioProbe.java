package io.runpack.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.management.OperatingSystemMXBean;
import io.runpack.domain.model.Limits;
import io.runpack.json.Canonicalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.erdtman.jcs.JsonCanonicalizer;

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
 * <p>Arguments: rounds (default 21), batch milliseconds (default 300), sizes (default the JMH
 * benchmark's four, comma-separated). Run with the JMH fork's heap: {@code java -Xms1g -Xmx1g -cp
 * benchmarks/target/benchmarks.jar io.runpack.benchmarks.CoreRatioProbe}.
 */
public final class CoreRatioProbe {

  private static final int[] SIZES = {1024, 65536, 1048576, 16711680};

  /** Warm-up of each operation, in batches: enough for the JIT's final tier on every path. */
  private static final int WARMUP_BATCHES = 3;

  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final Canonicalizer canonicalizer = new Canonicalizer();
  private final JsonFactory jackson = new JsonFactory();
  private long sink;

  private CoreRatioProbe() {}

  private interface Operation {
    /** Does the work on {@code document}; returns some byte of its result, so that it is kept. */
    long apply(byte[] document);
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 300) * 1_000_000L;
    int[] sizes =
        args.length > 2
            ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
            : SIZES;
    run(rounds, batchNanos, sizes, System.out);
  }

  /** Measures every log at every size, printing one JSON line each to {@code out}. */
  static void run(int rounds, long batchNanos, int[] sizes, PrintStream out) {
    CoreRatioProbe probe = new CoreRatioProbe();
    for (CoreLog log : CoreLog.values()) {
      for (int size : sizes) {
        out.println(probe.measure(log, size, rounds, batchNanos));
      }
    }
    if (probe.sink == 42) {
      out.println(); // keeps the digests alive
    }
  }

  private String measure(CoreLog log, int size, int rounds, long batchNanos) {
    byte[] document = log.document(size, ExportCoreBenchmark.SEED);
    Operation[] operations = {this::runpack, this::jacksonCopy, this::erdtman, this::jacksonTokens};
    for (Operation operation : operations) {
      run(operation, document, WARMUP_BATCHES * batchNanos);
    }
    int[] batch = new int[operations.length];
    for (int i = 0; i < operations.length; i++) {
      batch[i] = calibrate(operations[i], document, batchNanos);
    }
    List<double[]> perOp = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double[] nanos = new double[operations.length];
      for (int k = 0; k < operations.length; k++) {
        int i = (round + k) % operations.length; // rotate who goes first
        nanos[i] = nanosPerOperation(operations[i], document, batch[i], batchNanos / 2);
      }
      perOp.add(nanos);
    }
    double[] runpack = column(perOp, r -> r[0]);
    double[] versusA = column(perOp, r -> r[1] / r[0]);
    double[] versusB = column(perOp, r -> r[2] / r[0]);
    double[] versusFloor = column(perOp, r -> r[3] / r[0]);
    return String.format(
        Locale.ROOT,
        "{\"log\":\"%s\",\"bytes\":%d,\"document_bytes\":%d,\"rounds\":%d,"
            + "\"runpack_us\":%.2f,\"a_us\":%.2f,\"b_us\":%.2f,\"floor_us\":%.2f,"
            + "\"runpack_vs_a\":%.2f,\"runpack_vs_a_range\":[%.2f,%.2f],"
            + "\"runpack_vs_b\":%.2f,\"runpack_vs_b_range\":[%.2f,%.2f],"
            + "\"runpack_vs_floor\":%.2f,\"runpack_vs_floor_range\":[%.2f,%.2f]}",
        log,
        size,
        document.length,
        rounds,
        median(runpack) / 1000,
        median(column(perOp, r -> r[1])) / 1000,
        median(column(perOp, r -> r[2])) / 1000,
        median(column(perOp, r -> r[3])) / 1000,
        median(versusA),
        versusA[0],
        versusA[versusA.length - 1],
        median(versusB),
        versusB[0],
        versusB[versusB.length - 1],
        median(versusFloor),
        versusFloor[0],
        versusFloor[versusFloor.length - 1]);
  }

  private long runpack(byte[] document) {
    return ExportCoreBenchmark.sha256(
        canonicalizer.canonicalize(document, Limits.MAX_ARTIFACT_BYTES))[0];
  }

  private long jacksonCopy(byte[] document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(document.length);
    try (JsonParser parser = jackson.createParser(document);
        JsonGenerator generator = jackson.createGenerator(out)) {
      while (parser.nextToken() != null) {
        generator.copyCurrentEvent(parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExportCoreBenchmark.sha256(out.toByteArray())[0];
  }

  private long erdtman(byte[] document) {
    try {
      return ExportCoreBenchmark.sha256(new JsonCanonicalizer(document).getEncodedUTF8())[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Not a baseline but a floor, {@link ExportCoreBenchmark#jacksonTokensOnly}: Jackson's parser
   * reading every token, names and strings decoded, and nothing else (no output, no order, no
   * hash). Returns the characters of names and strings.
   */
  private long jacksonTokens(byte[] document) {
    long chars = 0;
    try (JsonParser parser = jackson.createParser(document)) {
      for (JsonToken token; (token = parser.nextToken()) != null; ) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
          chars += parser.getTextLength(); // Jackson decodes a string only when asked
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return chars;
  }

  /** Operations in a batch that takes about {@code batchNanos}. */
  private int calibrate(Operation operation, byte[] document, long batchNanos) {
    int n = 1;
    long took;
    while ((took = timed(operation, document, n)) < batchNanos / 2) {
      n *= 2;
    }
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, (long) n * batchNanos / Math.max(took, 1)));
  }

  /**
   * Nanoseconds per operation over one batch, or over more batches until the coarse clock has
   * counted at least {@code minNanos} (a batch can end before it ticks).
   */
  private double nanosPerOperation(Operation operation, byte[] document, int batch, long minNanos) {
    long nanos = 0;
    long operations = 0;
    do {
      nanos += timed(operation, document, batch);
      operations += batch;
    } while (nanos < minNanos);
    return (double) nanos / operations;
  }

  private void run(Operation operation, byte[] document, long nanos) {
    long until = PROCESS.getProcessCpuTime() + nanos;
    while (PROCESS.getProcessCpuTime() < until) {
      timed(operation, document, 16);
    }
  }

  /**
   * The CPU time of the whole process (this thread, the collector's, the compiler's) over {@code n}
   * operations: on a machine whose cores other processes share, time spent waiting for a core is
   * not the operation's cost, and an allocating operation's collections are. The clock ticks
   * coarsely (about 10 ms), so batches last a few hundred milliseconds.
   */
  private long timed(Operation operation, byte[] document, int n) {
    long start = PROCESS.getProcessCpuTime();
    for (int i = 0; i < n; i++) {
      sink += operation.apply(document);
    }
    return PROCESS.getProcessCpuTime() - start;
  }

  private static double[] column(List<double[]> rounds, ToDoubleFunction<double[]> field) {
    return rounds.stream().mapToDouble(field).sorted().toArray();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

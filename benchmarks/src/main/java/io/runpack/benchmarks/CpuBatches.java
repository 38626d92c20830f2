package io.runpack.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Operations timed in batches by the CPU time of the whole process (this thread, the collector's,
 * the compiler's), as the probes that compare operations in pairs take them ({@link
 * CoreRatioProbe}, {@link LibraryAbProbe}): on a machine whose cores other processes share, time
 * spent waiting for a core is not the operation's cost, and an allocating operation's collections
 * are. The clock ticks coarsely (about 10 ms), so batches last a few hundred milliseconds.
 */
final class CpuBatches {

  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** One operation; returns some byte of its result, so that it is kept. */
  interface Operation {
    long apply() throws IOException;
  }

  private long sink;

  /** Runs {@code operation} for about {@code nanos} of CPU time (a warm-up). */
  void run(Operation operation, long nanos) {
    long until = PROCESS.getProcessCpuTime() + nanos;
    while (PROCESS.getProcessCpuTime() < until) {
      timed(operation, 16);
    }
  }

  /** Operations in a batch that takes about {@code batchNanos}. */
  int calibrate(Operation operation, long batchNanos) {
    int n = 1;
    long took;
    while ((took = timed(operation, n)) < batchNanos / 2) {
      n *= 2;
    }
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, (long) n * batchNanos / Math.max(took, 1)));
  }

  /**
   * Nanoseconds per operation over one batch, or over more batches until the coarse clock has
   * counted at least {@code minNanos} (a batch can end before it ticks).
   */
  double nanosPerOperation(Operation operation, int batch, long minNanos) {
    long nanos = 0;
    long operations = 0;
    do {
      nanos += timed(operation, batch);
      operations += batch;
    } while (nanos < minNanos);
    return (double) nanos / operations;
  }

  /** The CPU time of the whole process over {@code n} operations. */
  private long timed(Operation operation, int n) {
    long start = PROCESS.getProcessCpuTime();
    try {
      for (int i = 0; i < n; i++) {
        sink += operation.apply();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return PROCESS.getProcessCpuTime() - start;
  }

  /** The results' bytes summed, for the caller to keep alive. */
  long sink() {
    return sink;
  }

  /** One field of every round, sorted. */
  static double[] column(List<double[]> rounds, ToDoubleFunction<double[]> field) {
    return rounds.stream().mapToDouble(field).sorted().toArray();
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

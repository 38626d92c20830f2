package io.runpack.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Operations timed in batches, as the probes that compare operations in pairs take them ({@link
 * CoreRatioProbe}, {@link LibraryAbProbe}), by one of two clocks: the CPU time of the whole process
 * (this thread, the collector's, the compiler's), for operations as different as Runpack and its
 * baselines on a machine whose cores other processes share: time spent waiting for a core is not an
 * operation's cost, and an allocating operation's collections are; it ticks coarsely (every 10 ms
 * on Linux), so its batches last a few hundred milliseconds. Or the wall clock, precise to the
 * nanosecond, for two builds of one operation whose few percent a 10 ms tick would hide, taking
 * turns often enough that a machine's drift moves both alike.
 */
final class TimedBatches {

  /** Warm-up of each operation, in batches: enough for the JIT's final tier on every path. */
  private static final int WARMUP_BATCHES = 3;

  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** One operation; returns some byte of its result, so that it is kept. */
  interface Operation {
    long apply() throws IOException;
  }

  private final LongSupplier clock;
  private long sink;

  private TimedBatches(LongSupplier clock) {
    this.clock = clock;
  }

  /** Batches timed by the CPU time of the whole process. */
  static TimedBatches processCpuTime() {
    return new TimedBatches(PROCESS::getProcessCpuTime);
  }

  /** Batches timed by the wall clock ({@link System#nanoTime}). */
  static TimedBatches wallClock() {
    return new TimedBatches(System::nanoTime);
  }

  /**
   * The operations warmed up, each its batch calibrated to about {@code batchNanos}, then {@code
   * rounds} rounds in which each takes its turn in a rotating order (who goes first moves by one
   * each round): per round, the nanoseconds per operation of each, in the operations' order.
   */
  List<double[]> rounds(Operation[] operations, int rounds, long batchNanos) {
    for (Operation operation : operations) {
      run(operation, WARMUP_BATCHES * batchNanos);
    }
    int[] batch = new int[operations.length];
    for (int i = 0; i < operations.length; i++) {
      batch[i] = calibrate(operations[i], batchNanos);
    }
    List<double[]> perOp = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double[] nanos = new double[operations.length];
      for (int k = 0; k < operations.length; k++) {
        int i = (round + k) % operations.length; // rotate who goes first
        nanos[i] = nanosPerOperation(operations[i], batch[i], batchNanos / 2);
      }
      perOp.add(nanos);
    }
    return perOp;
  }

  /** Runs {@code operation} for about {@code nanos} by the clock (a warm-up). */
  private void run(Operation operation, long nanos) {
    long until = clock.getAsLong() + nanos;
    while (clock.getAsLong() < until) {
      timed(operation, 16);
    }
  }

  /** Operations in a batch that takes about {@code batchNanos}. */
  private int calibrate(Operation operation, long batchNanos) {
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
  private double nanosPerOperation(Operation operation, int batch, long minNanos) {
    long nanos = 0;
    long operations = 0;
    do {
      nanos += timed(operation, batch);
      operations += batch;
    } while (nanos < minNanos);
    return (double) nanos / operations;
  }

  /** The clock's nanoseconds over {@code n} operations. */
  private long timed(Operation operation, int n) {
    long start = clock.getAsLong();
    try {
      for (int i = 0; i < n; i++) {
        sink += operation.apply();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return clock.getAsLong() - start;
  }

  /** The results' bytes summed, for the caller to keep alive. */
  long sink() {
    return sink;
  }

  /** One field of every round, sorted. */
  static <T> double[] column(List<T> rounds, ToDoubleFunction<T> field) {
    return rounds.stream().mapToDouble(field).sorted().toArray();
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

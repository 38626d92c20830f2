package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-input time bound of the fuzz targets: every input must be handled within {@link
 * #MAX_MILLIS}, or the fuzzer reports it. (Memory is bounded by the targets' input limits and the
 * fuzz JVM's -Xmx, see the pom: running out of heap is a finding too.)
 */
final class Bounded {

  /**
   * While fuzzing; replaying the corpus in a busy build allows for a cold JVM and a loaded machine.
   */
  static final long MAX_MILLIS = System.getenv("JAZZER_FUZZ") != null ? 2_000 : 10_000;

  private Bounded() {}

  static void run(Runnable target) {
    long start = System.nanoTime();
    target.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(
        millis <= MAX_MILLIS,
        "one input took " + millis + " ms, over the bound of " + MAX_MILLIS + " ms");
  }
}

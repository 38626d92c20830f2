package io.runpack.fuzz;

import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over its cases in a plain JUnit test: every case of a space small enough to list,
 * or cases drawn from a fixed seed. Each drawn case gets its own seed, taken from the property's
 * {@link SplittableRandom}, and is generated from that seed alone.
 *
 * <p>Guarantees: the same seed gives the same cases on every machine and run; a failing case stops
 * the property with an {@link AssertionError} whose message names the case's index, the property's
 * seed, the case's seed and the case itself (its {@code toString}), followed by the failure. To run
 * just that case again: {@code -Drunpack.case.seed=<case seed>} with {@code -Dtest=Class#method}.
 */
final class Cases {

  /** System property that replays one drawn case instead of the property's own cases. */
  static final String REPLAY = "runpack.case.seed";

  private Cases() {}

  /** Checks {@code property} on every case of {@code cases}, in order; returns how many ran. */
  static <C> int every(List<C> cases, Consumer<C> property) {
    for (int i = 0; i < cases.size(); i++) {
      check(property, cases.get(i), "case " + (i + 1) + " of " + cases.size() + " (listed)");
    }
    return cases.size();
  }

  /**
   * Checks {@code property} on {@code tries} cases, each made by {@code generator} from its own
   * seed drawn from {@code seed}; with {@value #REPLAY} set, on the case of that seed alone.
   * Returns how many ran.
   */
  static <C> int seeded(
      long seed, int tries, Function<SplittableRandom, C> generator, Consumer<C> property) {
    String replay = System.getProperty(REPLAY);
    return seeded(
        seed,
        tries,
        generator,
        property,
        replay == null || replay.isBlank()
            ? OptionalLong.empty()
            : OptionalLong.of(Long.parseUnsignedLong(replay.strip().replaceFirst("^0x", ""), 16)));
  }

  /** {@link #seeded(long, int, Function, Consumer)} with the case to replay, if any, given. */
  static <C> int seeded(
      long seed,
      int tries,
      Function<SplittableRandom, C> generator,
      Consumer<C> property,
      OptionalLong replay) {
    if (replay.isPresent()) {
      long caseSeed = replay.getAsLong();
      C generated = generator.apply(new SplittableRandom(caseSeed));
      check(property, generated, "replayed case (case seed " + hex(caseSeed) + ")");
      return 1;
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < tries; i++) {
      long caseSeed = seeds.nextLong();
      C generated = generator.apply(new SplittableRandom(caseSeed));
      check(
          property,
          generated,
          "case "
              + (i + 1)
              + " of "
              + tries
              + " (seed "
              + hex(seed)
              + ", case seed "
              + hex(caseSeed)
              + ")");
    }
    return tries;
  }

  private static <C> void check(Consumer<C> property, C generated, String which) {
    try {
      property.accept(generated);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(which + " failed: " + generated + "\n  " + e, e);
    }
  }

  static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** An int from {@code min} to {@code max}, both included. */
  static int between(SplittableRandom random, int min, int max) {
    return random.nextInt(min, max + 1);
  }
}

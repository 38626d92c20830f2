package io.runpack.benchmarks;

import io.runpack.domain.model.RunLog;

/**
 * The logs {@link ExportCoreBenchmark} canonicalizes: two of Decision Gate's ({@link
 * DecisionGateLogs}: triggers with order payloads, gate evaluations with evidence), a number-heavy
 * one ({@link NumericGateEvals}), and two whose objects do not repeat their shapes ({@link
 * UnsharedShapes}: names never repeated, two shapes alike at first alternating).
 */
public enum CoreLog {
  TRIGGERS,
  GATE_EVALS,
  NUMERIC_GATE_EVALS,
  UNREPEATED_NAMES,
  ALTERNATING_SHAPES;

  /** A log document of at most {@code maxBytes} (at least one record), the same for a seed. */
  public byte[] document(int maxBytes, long seed) {
    return switch (this) {
      case TRIGGERS -> DecisionGateLogs.logDocument(RunLog.TRIGGERS, maxBytes, seed);
      case GATE_EVALS -> DecisionGateLogs.logDocument(RunLog.GATE_EVALS, maxBytes, seed);
      case NUMERIC_GATE_EVALS ->
          DecisionGateLogs.logDocument(NumericGateEvals::record, maxBytes, seed);
      case UNREPEATED_NAMES ->
          DecisionGateLogs.logDocument(UnsharedShapes::unrepeated, maxBytes, seed);
      case ALTERNATING_SHAPES ->
          DecisionGateLogs.logDocument(UnsharedShapes::alternating, maxBytes, seed);
    };
  }
}

package io.runpack.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a runpack goes: the run it records (storage keys are built from these, FORMAT §4) and the
 * request's {@code output_dir}, which only filesystem storage uses.
 */
public record RunpackTarget(
    long tenantId,
    long namespaceId,
    String scenarioId,
    String runId,
    HashDigest specHash,
    Optional<String> outputDir) {

  public RunpackTarget {
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(outputDir, "outputDir");
  }
}

package io.runpack.domain.port.in;

import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.out.RunpackReader;
import java.util.Objects;
import java.util.Optional;

/**
 * Verify the runpack that {@code source} reads, starting from its manifest {@code manifestName}.
 *
 * @param placedAs the run that the runpack's location names, when it names one (an S3 prefix in the
 *     layout of FORMAT §4: tenant, namespace, scenario, run and spec hash): a manifest of another
 *     run there is an error of the verification, so that a runpack moved or copied under another
 *     run's key does not pass as that run's
 */
public record VerifyRunpackCommand(
    RunpackReader source, RunpackPath manifestName, Optional<RunpackTarget> placedAs) {

  public VerifyRunpackCommand {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(manifestName, "manifestName");
    Objects.requireNonNull(placedAs, "placedAs");
  }

  /** A runpack whose location names no run (a directory). */
  public VerifyRunpackCommand(RunpackReader source, RunpackPath manifestName) {
    this(source, manifestName, Optional.empty());
  }

  /** The same verification of the runpack {@code other} reads. */
  public VerifyRunpackCommand readingFrom(RunpackReader other) {
    return new VerifyRunpackCommand(other, manifestName, placedAs);
  }
}

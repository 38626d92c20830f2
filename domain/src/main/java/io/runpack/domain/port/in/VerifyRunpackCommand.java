package io.runpack.domain.port.in;

import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.out.RunpackReader;
import java.util.Objects;

/**
 * Verify the runpack that {@code source} reads, starting from its manifest {@code manifestName}.
 */
public record VerifyRunpackCommand(RunpackReader source, RunpackPath manifestName) {

  public VerifyRunpackCommand {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(manifestName, "manifestName");
  }
}

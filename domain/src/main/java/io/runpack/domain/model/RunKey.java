package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.util.Objects;

/**
 * Which run to load: tenant and namespace (unsigned, at least 1) and run id. The run id must be a
 * valid path component and storage key segment (FORMAT §4), since stores use it as one.
 */
public record RunKey(long tenantId, long namespaceId, String runId) {

  public RunKey {
    requirePositive("tenant_id", tenantId);
    requirePositive("namespace_id", namespaceId);
    requireSegment("run_id", runId);
  }

  /** Fails with {@link ErrorCode#INVALID_REQUEST} unless {@code value} is a safe key segment. */
  public static void requireSegment(String field, String value) {
    Objects.requireNonNull(value, field);
    String problem = RunpackPath.keySegmentProblem(value);
    if (problem != null) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          field
              + " \""
              + RunpackPath.printable(value)
              + "\" is not a valid identifier: "
              + problem);
    }
  }

  private static void requirePositive(String field, long unsignedValue) {
    if (unsignedValue == 0) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, field + " must be at least 1");
    }
  }

  @Override
  public String toString() {
    return "tenant "
        + Long.toUnsignedString(tenantId)
        + ", namespace "
        + Long.toUnsignedString(namespaceId)
        + ", run "
        + RunpackPath.printable(runId);
  }
}

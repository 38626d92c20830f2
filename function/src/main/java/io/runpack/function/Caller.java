package io.runpack.function;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.util.Optional;

/**
 * Who is asking, and for which tenants. Direct invocations are governed by IAM and may export any
 * tenant; API Gateway callers only their own, as the authorizer vouched for it.
 */
record Caller(String kind, Optional<String> tenant, boolean restricted, String missingReason) {

  /** A direct invocation (workflow, SDK, CLI): IAM decided it may invoke the function at all. */
  static Caller direct() {
    return new Caller("direct", Optional.empty(), false, null);
  }

  /** An API caller whose tenant the authorizer vouched for. */
  static Caller apiTenant(String tenant) {
    return new Caller("api", Optional.of(tenant), true, null);
  }

  /** An API caller trusted without a tenant claim (configured explicitly). */
  static Caller apiTrusted() {
    return new Caller("api", Optional.empty(), false, null);
  }

  /** An API caller with no tenant claim: refused (fail closed). */
  static Caller apiWithoutTenant(String reason) {
    return new Caller("api", Optional.empty(), true, reason);
  }

  /** Fails with {@link ErrorCode#FORBIDDEN} unless the caller may act on the tenant. */
  void requireTenant(long tenantId) {
    if (!restricted) {
      return;
    }
    String requested = Long.toUnsignedString(tenantId);
    if (tenant.isEmpty()) {
      throw new RunpackException(ErrorCode.FORBIDDEN, missingReason);
    }
    if (!tenant.get().equals(requested)) {
      throw new RunpackException(
          ErrorCode.FORBIDDEN, "tenant_id " + requested + " is not the caller's tenant");
    }
  }

  /** Refuses at once a restricted caller whose tenant is unknown, before reading the request. */
  void requireKnownTenant() {
    if (restricted && tenant.isEmpty()) {
      throw new RunpackException(ErrorCode.FORBIDDEN, missingReason);
    }
  }
}

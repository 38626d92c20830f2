package io.runpack.function;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.util.Optional;

/**
 * Who is asking, and for which tenants. Direct invocations are governed by IAM and may export any
 * tenant; API Gateway callers only the tenant their authorizer vouched for, read from exactly one
 * source ({@link AuthorizerClaims}). The decisions are {@link TenantCheck}s, recorded by the audit.
 *
 * @param kind how the function was invoked
 * @param claim the caller's tenant claim, as found
 * @param principal who the authorizer says the caller is ({@code sub}, the principal id), if known
 * @param apiRequestId API Gateway's request id, for matching the API's access log
 */
record Caller(Kind kind, Claim claim, Optional<String> principal, Optional<String> apiRequestId) {

  /** How the function was invoked, as the audit's {@code caller}. */
  enum Kind {
    DIRECT("direct"),
    REST_API("rest_api"),
    HTTP_API("http_api"),
    /** Shaped like a proxy event, but neither payload 1.0 nor 2.0. */
    UNKNOWN_API("unknown_api");

    final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }
  }

  /** The tenant claim as found in the event. */
  sealed interface Claim {
    /**
     * Where the claim is read from ({@code requestContext.authorizer.jwt.claims}…), if anywhere.
     */
    Optional<String> source();
  }

  /** A direct invocation: no claim is needed. */
  record NotNeeded() implements Claim {
    @Override
    public Optional<String> source() {
      return Optional.empty();
    }
  }

  /** No claim where the event's shape says it must be. */
  record Missing(Optional<String> source, String name, boolean trusted) implements Claim {}

  /** A well-formed claim: the caller's tenant. */
  record Valid(Optional<String> source, long tenant) implements Claim {}

  /**
   * A claim that is present but unusable, or the event's authorizer context is. {@code asSent} is
   * the claim's JSON text, bounded, when there is one.
   */
  record Malformed(Optional<String> source, String problem, Optional<String> asSent)
      implements Claim {}

  /** A direct invocation (workflow, SDK, CLI): IAM decided it may invoke the function at all. */
  static Caller direct() {
    return new Caller(Kind.DIRECT, new NotNeeded(), Optional.empty(), Optional.empty());
  }

  /** The decision before the request is read: callers without a usable claim stop here. */
  TenantCheck admission() {
    if (claim instanceof Missing missing) {
      return missing.trusted() ? TenantCheck.TRUSTED : TenantCheck.DENIED_NO_CLAIM;
    }
    if (claim instanceof Malformed) {
      return TenantCheck.DENIED_MALFORMED_CLAIM;
    }
    return claim instanceof Valid ? TenantCheck.NOT_REACHED : TenantCheck.NOT_REQUIRED;
  }

  /** The decision for a request for {@code tenantId} (unsigned), once it is known. */
  TenantCheck decide(long tenantId) {
    if (claim instanceof Valid valid) {
      return valid.tenant() == tenantId ? TenantCheck.ALLOWED : TenantCheck.DENIED_OTHER_TENANT;
    }
    return admission();
  }

  /** The caller-facing refusal of a denied decision: {@link ErrorCode#FORBIDDEN}. */
  RunpackException refusal(long tenantId) {
    String message;
    if (claim instanceof Missing missing) {
      message =
          "the caller's tenant is unknown: no "
              + missing.name()
              + " in the authorizer context"
              + missing.source().map(s -> " (" + s + ")").orElse("");
    } else if (claim instanceof Malformed malformed) {
      message = "the caller's tenant claim is malformed: " + malformed.problem();
    } else {
      message = "tenant_id " + Long.toUnsignedString(tenantId) + " is not the caller's tenant";
    }
    return new RunpackException(ErrorCode.FORBIDDEN, message);
  }
}

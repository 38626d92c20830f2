package io.runpack.function;

/**
 * The decision of the tenant check, as the audit trail records it. Only API Gateway callers are
 * checked; a direct invocation is governed by IAM, which decided it may invoke the function at all.
 */
enum TenantCheck {
  /** A direct invocation: any tenant (IAM decided). */
  NOT_REQUIRED("not_required", false),
  /** An API caller without a tenant claim, trusted by configuration (trust-missing-tenant). */
  TRUSTED("trusted", false),
  /** The claimed tenant is the requested one. */
  ALLOWED("allowed", false),
  /** The caller has a valid claim, but the request was refused before its tenant was known. */
  NOT_REACHED("not_reached", false),
  /** An API caller without a tenant claim: refused before the body is read. */
  DENIED_NO_CLAIM("denied_no_claim", true),
  /**
   * A tenant claim that is present but unusable, or in the wrong place: refused before the body.
   */
  DENIED_MALFORMED_CLAIM("denied_malformed_claim", true),
  /** A valid claim for another tenant than the requested one. */
  DENIED_OTHER_TENANT("denied_other_tenant", true);

  private final String wireName;
  private final boolean denied;

  TenantCheck(String wireName, boolean denied) {
    this.wireName = wireName;
    this.denied = denied;
  }

  /** The value of the audit record's {@code tenant_check}. */
  String wireName() {
    return wireName;
  }

  boolean denied() {
    return denied;
  }
}

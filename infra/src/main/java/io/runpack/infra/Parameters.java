package io.runpack.infra;

import software.amazon.awscdk.CfnParameter;
import software.constructs.Construct;

/** The values a deployment sets at deploy time (CloudFormation parameters). */
final class Parameters {

  final CfnParameter jwtIssuer;
  final CfnParameter jwtAudience;
  final CfnParameter tenantClaim;
  final CfnParameter namespaceAuthority;

  Parameters(Construct scope) {
    this.jwtIssuer =
        CfnParameter.Builder.create(scope, "JwtIssuer")
            .type("String")
            .description(
                "Issuer URL of the JWTs the API accepts (e.g. https://cognito-idp.<region>.amazonaws.com/<pool>)")
            .build();
    this.jwtAudience =
        CfnParameter.Builder.create(scope, "JwtAudience")
            .type("String")
            .description("Audience (client id) the API's JWTs must carry")
            .build();
    this.tenantClaim =
        CfnParameter.Builder.create(scope, "TenantClaim")
            .type("String")
            .defaultValue("tenant_id")
            .description(
                "JWT claim holding the caller's tenant id; requests for other tenants are refused")
            .build();
    this.namespaceAuthority =
        CfnParameter.Builder.create(scope, "NamespaceAuthority")
            .type("String")
            .defaultValue("dg_registry")
            .description("Namespace authority label recorded in every manifest's security context")
            .build();
  }
}

package io.runpack.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API: {@code POST /runpacks} to the function's alias behind a JWT authorizer (issuer and
 * audience are parameters; the function checks the tenant claim), with throttling and JSON access
 * logs.
 *
 * <p>The integration's timeout is set, not left to API Gateway's default: an HTTP API waits at most
 * 30 s for its integration (CDK accepts up to 29 s), far less than the function's timeout (120 s by
 * default). An API export that takes longer is answered 503 while the function goes on, and may
 * still write the runpack; workflows and direct invocations have the function's full timeout. The
 * alarm {@code ApiIntegrationLatencyNearTimeout} watches for exports nearing this limit.
 */
final class Api extends Construct {

  /** Requests per second, and burst, over the whole API. */
  static final int RATE_LIMIT = 50;

  static final int BURST_LIMIT = 100;

  /** How long API Gateway waits for the function: the most CDK allows for an HTTP API. */
  static final Duration INTEGRATION_TIMEOUT = Duration.seconds(29);

  final HttpApi api;
  final HttpStage stage;

  Api(
      Construct scope,
      String id,
      RunpackFunction function,
      Parameters parameters,
      StackOptions options) {
    super(scope, id);
    this.api =
        HttpApi.Builder.create(this, "HttpApi")
            .description("Runpack: export Decision Gate runs as runpacks")
            .createDefaultStage(false)
            .build();
    HttpJwtAuthorizer authorizer =
        HttpJwtAuthorizer.Builder.create("Jwt", parameters.jwtIssuer.getValueAsString())
            .jwtAudience(List.of(parameters.jwtAudience.getValueAsString()))
            .identitySource(List.of("$request.header.Authorization"))
            .build();
    api.addRoutes(
        AddRoutesOptions.builder()
            .path("/runpacks")
            .methods(List.of(HttpMethod.POST))
            .integration(
                HttpLambdaIntegration.Builder.create("Export", function.alias)
                    .timeout(INTEGRATION_TIMEOUT)
                    .build())
            .authorizer(authorizer)
            .build());
    this.stage =
        HttpStage.Builder.create(this, "DefaultStage")
            .httpApi(api)
            .stageName("$default")
            .autoDeploy(true)
            .throttle(
                ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
            .build();
    LogGroup accessLogs =
        LogGroup.Builder.create(this, "AccessLogs").retention(options.auditLogRetention()).build();
    ((CfnStage) stage.getNode().getDefaultChild())
        .setAccessLogSettings(
            CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format(
                    "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                        + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
                        + "\"responseLength\":\"$context.responseLength\",\"integrationError\":\"$context.integrationErrorMessage\","
                        + "\"sub\":\"$context.authorizer.claims.sub\"}")
                .build());
  }
}

package io.runpack.function;

import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;

/**
 * The four places an authorizer puts the caller's tenant claim, each in the event shape API Gateway
 * sends it in, with a principal beside it ({@code sub} or {@code principalId}).
 */
enum ClaimSources {
  /** HTTP API (payload 2.0), JWT authorizer: {@code requestContext.authorizer.jwt.claims}. */
  HTTP_API_JWT("requestContext.authorizer.jwt.claims"),
  /** HTTP API (payload 2.0), Lambda authorizer: {@code requestContext.authorizer.lambda}. */
  HTTP_API_LAMBDA("requestContext.authorizer.lambda"),
  /** REST API (payload 1.0), Cognito/JWT authorizer: {@code requestContext.authorizer.claims}. */
  REST_API_COGNITO("requestContext.authorizer.claims"),
  /** REST API (payload 1.0), Lambda authorizer: {@code requestContext.authorizer}. */
  REST_API_LAMBDA("requestContext.authorizer");

  final String path;

  ClaimSources(String path) {
    this.path = path;
  }

  /** An event of this source's shape whose tenant claim is {@code claim}, principal {@code who}. */
  JsonObject event(String body, JsonValue claim, String who) {
    JsonObject.Builder context = JsonObject.builder().put("tenant_id", claim);
    return switch (this) {
      case HTTP_API_JWT ->
          ApiGatewayTest.httpApi(
              body,
              false,
              JsonObject.builder()
                  .put(
                      "jwt",
                      JsonObject.builder().put("claims", context.put("sub", who).build()).build())
                  .build());
      case HTTP_API_LAMBDA ->
          ApiGatewayTest.httpApi(
              body,
              false,
              JsonObject.builder().put("lambda", context.put("principalId", who).build()).build());
      case REST_API_COGNITO ->
          ApiGatewayTest.restApi(
              body,
              false,
              JsonObject.builder().put("claims", context.put("sub", who).build()).build());
      case REST_API_LAMBDA ->
          ApiGatewayTest.restApi(
              body,
              false,
              context.put("principalId", who).put("integrationLatency", JsonNumber.of(0)).build());
    };
  }

  /** The caller kind the audit records for this source's events. */
  String callerKind() {
    return this == HTTP_API_JWT || this == HTTP_API_LAMBDA ? "http_api" : "rest_api";
  }
}

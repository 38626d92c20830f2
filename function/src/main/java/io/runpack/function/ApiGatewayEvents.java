package io.runpack.function;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.ErrorEnvelope;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * API Gateway proxy events, REST API (payload 1.0) and HTTP API (payload 2.0): recognizing them and
 * their payload version, reading their body (plain or base64), and writing proxy responses. Both
 * payload versions accept the same response shape. (The caller's tenant: {@link AuthorizerClaims}.)
 */
final class ApiGatewayEvents {

  private ApiGatewayEvents() {}

  /** A proxy event, as opposed to a direct invocation with the tool input as event. */
  static boolean isProxyEvent(JsonValue event) {
    if (!(event instanceof JsonObject object)
        || !(object.members().get("requestContext") instanceof JsonObject)) {
      return false;
    }
    return object.members().containsKey("httpMethod") || object.members().containsKey("routeKey");
  }

  /**
   * The payload version of a proxy event: HTTP API 2.0 ({@code "version":"2.0"} and a {@code
   * routeKey}), REST API or payload 1.0 (an {@code httpMethod}, version absent or {@code "1.0"}),
   * anything else unknown.
   */
  static Caller.Kind kind(JsonObject event) {
    JsonValue version = event.members().get("version");
    if (version == null || version.equals(new JsonString("1.0"))) {
      return event.members().get("httpMethod") instanceof JsonString
          ? Caller.Kind.REST_API
          : Caller.Kind.UNKNOWN_API;
    }
    return version.equals(new JsonString("2.0"))
            && event.members().get("routeKey") instanceof JsonString
        ? Caller.Kind.HTTP_API
        : Caller.Kind.UNKNOWN_API;
  }

  /**
   * The request body, decoded from base64 when the event says so. Its size is checked by the
   * request parser, as for every front end.
   */
  static byte[] body(JsonObject event) {
    if (!(event.members().get("body") instanceof JsonString body)) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "request body is missing");
    }
    if (event.members().get("isBase64Encoded") != JsonBoolean.TRUE) {
      return body.value().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body.value());
    } catch (IllegalArgumentException e) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "request body is not valid base64");
    }
  }

  /** A proxy response with a JSON body. */
  static byte[] response(int status, JsonValue body) {
    JsonObject response =
        JsonObject.builder()
            .put("statusCode", JsonNumber.of(status))
            .put("headers", JsonObject.builder().put("Content-Type", "application/json").build())
            .put("body", new String(RunpackJson.toBytes(body), StandardCharsets.UTF_8))
            .put("isBase64Encoded", false)
            .build();
    return RunpackJson.toBytes(response);
  }

  /** The HTTP status of a failure: 500 for anything that is the deployment's fault. */
  static int status(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST, INVALID_JSON -> 400;
      case FORBIDDEN -> 403;
      case RUN_NOT_FOUND -> 404;
      case SPEC_HASH_MISMATCH, CONFLICT -> 409;
      case LIMIT_EXCEEDED -> 413;
      case STORAGE_ERROR -> 503;
      case INVALID_RUN_DATA, FILE_NOT_FOUND, INVALID_MANIFEST, INTERNAL_ERROR -> 500;
    };
  }

  /** A proxy response with the failure's error envelope and status. */
  static byte[] errorResponse(RunpackException failure) {
    return response(status(failure.code()), ErrorEnvelope.of(failure));
  }

  private static JsonObject object(JsonObject parent, String key) {
    return parent.members().get(key) instanceof JsonObject child ? child : JsonObject.EMPTY;
  }
}

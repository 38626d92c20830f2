package io.runpack.domain.error;

import io.runpack.domain.json.JsonObject;

/**
 * The one wire form of a failure, for every front end: {@code {"error":{"code":…,"message":…}}}
 * (the CLI's stderr line, an API response body), and {@code <code>: <message>} where only text fits
 * (a Lambda error's errorMessage).
 */
public final class ErrorEnvelope {

  private ErrorEnvelope() {}

  public static JsonObject of(RunpackException failure) {
    return JsonObject.builder()
        .put(
            "error",
            JsonObject.builder()
                .put("code", failure.code().wireName())
                .put("message", failure.getMessage())
                .build())
        .build();
  }

  /** {@code invalid_request: request.tenant_id must be …}. */
  public static String text(RunpackException failure) {
    return failure.code().wireName() + ": " + failure.getMessage();
  }
}

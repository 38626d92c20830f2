package io.runpack.domain.error;

import io.runpack.json.JsonObject;

/**
 * The one wire form of a failure, for every front end: {@code {"error":{"code":…,"message":…}}}
 * (the CLI's stderr line, an API response body), and {@code <code>: <message>} where only text fits
 * (a Lambda error's errorMessage).
 *
 * <p>Guarantee: the message is {@link OneLine#escape escaped}, so an identifier quoted from hostile
 * input (a run id holding a line break and a fake log record, say) can neither start a line in a
 * log nor reach a caller raw.
 */
public final class ErrorEnvelope {

  private ErrorEnvelope() {}

  public static JsonObject of(RunpackException failure) {
    return JsonObject.builder()
        .put(
            "error",
            JsonObject.builder()
                .put("code", failure.code().wireName())
                .put("message", message(failure))
                .build())
        .build();
  }

  /** {@code invalid_request: request.tenant_id must be …}. */
  public static String text(RunpackException failure) {
    return failure.code().wireName() + ": " + message(failure);
  }

  /** The failure's message as every front end shows it: escaped, one line. */
  public static String message(RunpackException failure) {
    return OneLine.escape(failure.getMessage());
  }
}

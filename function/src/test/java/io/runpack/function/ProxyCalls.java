package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * An API Gateway proxy event sent through the mock event server, and its proxy response read: the
 * status, and for a failure the error body's code and message.
 */
record ProxyCalls(int status, JsonObject body) {

  /** Sends {@code event} (numbers as their lexemes) and reads the proxy response it gets. */
  static ProxyCalls send(JsonValue event) {
    Response response = FunctionTestSupport.invoke(event);
    assertEquals(200, response.statusCode(), response.asString());
    JsonObject proxy = (JsonObject) FunctionTestSupport.CODEC.decode(response.asByteArray());
    int status = Integer.parseInt(((JsonNumber) proxy.get("statusCode").orElseThrow()).lexeme());
    String body = ((JsonString) proxy.get("body").orElseThrow()).value();
    return new ProxyCalls(
        status,
        (JsonObject) FunctionTestSupport.CODEC.decode(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** The error body's code ({@code forbidden}…). */
  String code() {
    return ((JsonString) error().get("code").orElseThrow()).value();
  }

  /** The error body's message. */
  String message() {
    return ((JsonString) error().get("message").orElseThrow()).value();
  }

  private JsonObject error() {
    return (JsonObject) body.get("error").orElseThrow(() -> new AssertionError(body.toString()));
  }
}

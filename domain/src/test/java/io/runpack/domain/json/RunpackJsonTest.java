package io.runpack.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonError;
import io.runpack.json.JsonException;
import io.runpack.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The library's refusals reach Runpack's callers with Runpack's codes and the same messages. */
class RunpackJsonTest {

  @ParameterizedTest
  @EnumSource(JsonError.class)
  void aLimitIsLimitExceededAndAnythingElseInvalidJson(JsonError error) {
    RunpackException e = RunpackJson.failure(new JsonException(error, "what was refused"));
    assertEquals(error.isLimit() ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.INVALID_JSON, e.code());
    assertEquals("what was refused", e.getMessage());
  }

  @Test
  void canonicalizingKeepsTheLibrarysMessage() {
    RunpackException e = refusal(() -> RunpackJson.canonicalize(bytes("{\"a\":1,\"a\":2}"), 100));
    assertEquals(
        List.of(ErrorCode.INVALID_JSON, "duplicate key \"a\" at byte 7"),
        List.of(e.code(), e.getMessage()));
  }

  @Test
  void theByteLimitIsLimitExceeded() {
    RunpackException e = refusal(() -> RunpackJson.toBytes(new JsonString("abc"), 4));
    assertEquals(
        List.of(ErrorCode.LIMIT_EXCEEDED, "canonical JSON exceeds the limit of 4 bytes"),
        List.of(e.code(), e.getMessage()));
  }

  @Test
  void everyCallMapsItsRefusal() {
    assertEquals(ErrorCode.INVALID_JSON, code(() -> RunpackJson.check(bytes("[1,]"))));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, code(() -> RunpackJson.number("1".repeat(5000))));
    assertEquals(ErrorCode.INVALID_JSON, code(() -> RunpackJson.number("01")));
    assertEquals(ErrorCode.INVALID_JSON, code(() -> RunpackJson.escapedUtf8("\ud800")));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, code(() -> RunpackJson.pretty(bytes("[1,2,3]"), 4)));
    assertEquals(
        ErrorCode.INVALID_JSON,
        code(() -> RunpackJson.canonicalValue(new Canonicalizer(), bytes("\"\\ud800\""), 100)));
  }

  private static ErrorCode code(Runnable call) {
    return refusal(call).code();
  }

  private static RunpackException refusal(Runnable call) {
    return assertThrows(RunpackException.class, call::run);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}

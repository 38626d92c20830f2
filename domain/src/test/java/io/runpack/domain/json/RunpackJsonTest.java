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
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> RunpackJson.canonicalize(bytes("{\"a\":1,\"a\":2}"), 100));
    assertEquals(ErrorCode.INVALID_JSON, e.code());
    assertEquals("duplicate key \"a\" at byte 7", e.getMessage());
  }

  @Test
  void theByteLimitIsLimitExceeded() {
    RunpackException e =
        assertThrows(RunpackException.class, () -> RunpackJson.toBytes(new JsonString("abc"), 4));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("canonical JSON exceeds the limit of 4 bytes", e.getMessage());
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
    return assertThrows(RunpackException.class, call::run).code();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}

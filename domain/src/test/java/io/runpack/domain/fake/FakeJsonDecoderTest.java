package io.runpack.domain.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests' JSON decoder keeps what the port promises and refuses what the domain refuses. */
class FakeJsonDecoderTest {

  private final FakeJsonDecoder decoder = new FakeJsonDecoder();

  private JsonValue decode(String json) {
    return decoder.decode(Hashes.utf8(json));
  }

  @Test
  void keepsMemberOrderAndNumberLexemes() {
    JsonObject object =
        (JsonObject) decode(" {\"b\": 1.50, \"a\" : [1E0, -0, true, false, null]}\n");
    assertEquals(List.of("b", "a"), List.copyOf(object.members().keySet()));
    assertEquals(JsonNumber.of("1.50"), object.members().get("b"));
    assertEquals(
        new JsonArray(
            List.of(
                JsonNumber.of("1E0"),
                JsonNumber.of("-0"),
                JsonBoolean.TRUE,
                JsonBoolean.FALSE,
                JsonNull.INSTANCE)),
        object.members().get("a"));
  }

  @Test
  void decodesEveryEscape() {
    assertEquals(
        new JsonString("\"\\/\b\f\n\r\t\u00e9\uD83D\uDE00"),
        decode("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
    assertEquals(new JsonString("\u00e9"), decode("\"\u00e9\""));
  }

  @Test
  void refusesWhatTheDomainRefusesWithItsCode() {
    assertEquals(
        ErrorCode.INVALID_JSON,
        assertThrows(RunpackException.class, () -> decode("{\"a\":1,\"a\":2}")).code());
    assertEquals(
        ErrorCode.INVALID_JSON, assertThrows(RunpackException.class, () -> decode("[1,]")).code());
    assertEquals(
        ErrorCode.INVALID_JSON, assertThrows(RunpackException.class, () -> decode("[] x")).code());
    assertEquals(
        ErrorCode.LIMIT_EXCEEDED,
        assertThrows(RunpackException.class, () -> decode("[".repeat(200) + "]".repeat(200)))
            .code());
  }
}

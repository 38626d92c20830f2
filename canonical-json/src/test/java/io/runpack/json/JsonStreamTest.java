package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.json.JsonStream.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token stream the verifier reads logs with: the tokens of a document in order, strings
 * decoded, numbers as written, values skipped or re-read from where they start; and exactly the
 * refusals (code and message) of the one-pass canonicalizer, so a log is judged the same whichever
 * reads it.
 */
class JsonStreamTest {

  @Test
  void readsTheTokensOfADocumentInOrder() {
    JsonStream stream = stream(" {\"a\\u0062\":[1.50,\"x\\ny\",true,null],\"c\":{}} ");
    List<String> seen = new ArrayList<>();
    for (Token t = stream.next(); t != null; t = stream.next()) {
      seen.add(
          switch (t) {
            case NAME, STRING -> t + ":" + stream.stringValue();
            case NUMBER -> t + ":" + stream.lexeme();
            default -> t.toString();
          });
    }
    assertEquals(
        List.of(
            "START_OBJECT",
            "NAME:ab",
            "START_ARRAY",
            "NUMBER:1.50",
            "STRING:x\ny",
            "TRUE",
            "NULL",
            "END_ARRAY",
            "NAME:c",
            "START_OBJECT",
            "END_OBJECT",
            "END_OBJECT"),
        seen);
  }

  @Test
  void skipsAValueAndRereadsOneFromWhereItStarts() {
    byte[] json = bytes("[{\"deep\":[[1],{\"x\":2}]},\"after\"]");
    JsonStream stream = JsonStream.of(json);
    stream.next();
    assertEquals(Token.START_OBJECT, stream.next());
    int start = stream.tokenStart();
    stream.skip();
    assertEquals(Token.END_OBJECT, stream.token());
    assertEquals("{\"deep\":[[1],{\"x\":2}]}", new String(json, start, stream.tokenEnd() - start));
    assertEquals(Token.STRING, stream.next());
    assertEquals("after", stream.stringValue());

    JsonStream again = JsonStream.valueAt(json, start);
    assertEquals(Token.START_OBJECT, again.next());
    assertEquals(Token.NAME, again.next());
    assertTrue(again.textEquals("deep"));
    again.next();
    again.skip();
    assertEquals(Token.END_OBJECT, again.next());
    assertNull(again.next(), "a value stream ends with its value");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[1,]",
        "01",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        "{\"a\" 1}",
        "1 2",
        "\"abc",
        "1e999",
        "nul",
        " ",
        "",
        "{\"a\":1,\"a\":2}",
        "{\"b\":1,\"a\":2,\"b\":3}",
        "{\"\\u0061\":1,\"a\":2}",
        "{\"a\":{\"b\":1,\"b\":1}}",
        "[{\"a\":1},{\"a\":1}]",
        "{\"k\":1,\"j\":{\"k\":2}}",
        "[\"\\x\"]",
        "[\"a\tb\"]",
        "[-]",
        "[1.]",
        "[1e]",
        "{,}",
        "[1}",
        "{\"a\":1]",
        "\uFEFF[]",
        "[]]"
      })
  void refusesWhatTheCanonicalizerRefusesWithItsMessage(String json) {
    assertSameVerdict(bytes(json));
  }

  @Test
  void refusesInvalidUtf8AndLimitsAsTheCanonicalizerDoes() {
    assertSameVerdict(new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'});
    assertSameVerdict(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'});
    assertSameVerdict(bytes("[".repeat(129) + "]".repeat(129)));
    assertSameVerdict(bytes("[".repeat(128) + "]".repeat(128)));
    assertSameVerdict(bytes("[1" + "0".repeat(1000) + "]"));
    assertSameVerdict(bytes("[1" + "0".repeat(999) + "]"));
  }

  @Test
  void aByteOrderMarkIsRefused() {
    JsonException e = assertThrows(JsonException.class, () -> JsonStream.check(bytes("\uFEFF[]")));
    assertEquals(JsonError.INVALID_JSON, e.error());
    assertEquals("byte order mark (U+FEFF) before the JSON text at byte 0", e.getMessage());
  }

  @Test
  void findsADuplicateKeyAmongManyOutOfOrder() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 50_000; i > 0; i--) {
      json.append('"').append(i).append("\":0,");
    }
    json.append("\"777\":1}");
    JsonException e =
        assertThrows(JsonException.class, () -> JsonStream.check(bytes(json.toString())));
    assertTrue(e.getMessage().startsWith("duplicate key \"777\" at byte "), e.getMessage());
  }

  private static void assertSameVerdict(byte[] json) {
    JsonException expected = null;
    try {
      CanonicalJson.canonicalize(json, Integer.MAX_VALUE - 8);
    } catch (JsonException e) {
      expected = e;
    }
    JsonException actual = null;
    try {
      JsonStream.check(json);
    } catch (JsonException e) {
      actual = e;
    }
    String input = new String(json, StandardCharsets.UTF_8);
    if (expected == null) {
      assertNull(actual, input);
      return;
    }
    assertTrue(actual != null, "accepted " + input);
    assertEquals(expected.error(), actual.error(), input);
    assertEquals(expected.getMessage(), actual.getMessage(), input);
  }

  private static JsonStream stream(String json) {
    return JsonStream.of(bytes(json));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}

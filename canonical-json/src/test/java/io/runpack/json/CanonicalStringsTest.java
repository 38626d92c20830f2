package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FORMAT §1 "Strings": what is escaped, how, and what is not. */
class CanonicalStringsTest {

  private static String canonical(String s) {
    return new String(CanonicalJson.toBytes(new JsonString(s)), StandardCharsets.UTF_8);
  }

  @Test
  void escapesQuoteAndBackslashAndTheFiveShortControls() {
    assertEquals("\"\\\"\\\\\\b\\t\\n\\f\\r\"", canonical("\"\\\b\t\n\f\r"));
  }

  @Test
  void escapesOtherControlsAsLowercaseSixCharacterEscapes() {
    assertEquals(
        "\"\\u0000\\u0001\\u000b\\u000e\\u001f\"", canonical("\u0000\u0001\u000b\u000e\u001f"));
  }

  @Test
  void leavesSlashDeleteNonAsciiAndLineSeparatorsUnescaped() {
    String raw = "/\u007f\u00e9\u2028\u2029\u20ac";
    assertArrayEquals(
        ("\"" + raw + "\"").getBytes(StandardCharsets.UTF_8),
        CanonicalJson.toBytes(new JsonString(raw)));
  }

  @Test
  void writesSupplementaryCharactersAsFourByteUtf8() {
    byte[] bytes = CanonicalJson.toBytes(new JsonString("\uD83D\uDE00"));
    assertArrayEquals(
        new byte[] {'"', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, '"'}, bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00", "\uD83Dx", "x\uDE00\uD83D", "end\uD83D"})
  void refusesLoneSurrogates(String s) {
    JsonException e = assertThrows(JsonException.class, () -> canonical(s));
    assertEquals(JsonError.LONE_SURROGATE, e.error());
    assertEquals(
        true, e.getMessage().startsWith("string contains a lone surrogate U+D"), e.getMessage());
  }

  @Test
  void refusesLoneSurrogatesInKeys() {
    JsonObject object = JsonObject.builder().put("\uDC00", JsonNull.INSTANCE).build();
    JsonException e = assertThrows(JsonException.class, () -> CanonicalJson.toBytes(object));
    assertEquals(JsonError.LONE_SURROGATE, e.error());
  }

  @Test
  void writesLiteralsWithoutWhitespace() {
    JsonArray array =
        JsonArray.of(
            JsonNull.INSTANCE,
            JsonBoolean.TRUE,
            JsonBoolean.FALSE,
            JsonArray.EMPTY,
            JsonObject.EMPTY);
    assertEquals(
        "[null,true,false,[],{}]",
        new String(CanonicalJson.toBytes(array), StandardCharsets.UTF_8));
  }
}

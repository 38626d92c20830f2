package io.runpack.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Jackson codec: lexemes kept, strict parsing, named limits, precise messages. */
class JacksonJsonCodecTest {

  private final JacksonJsonCodec codec = new JacksonJsonCodec();

  private JsonValue decode(String text) {
    return codec.decode(text.getBytes(StandardCharsets.UTF_8));
  }

  private RunpackException refused(ErrorCode code, String text) {
    RunpackException e = assertThrows(RunpackException.class, () -> decode(text));
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  @Test
  void keepsNumberLexemesAsWritten() {
    JsonArray numbers = (JsonArray) decode("[1.0, 1E+2, -0, 18446744073709551616, 1e400]");
    assertEquals("1.0", ((JsonNumber) numbers.get(0)).lexeme());
    assertEquals("1E+2", ((JsonNumber) numbers.get(1)).lexeme());
    assertEquals("-0", ((JsonNumber) numbers.get(2)).lexeme());
    assertEquals("18446744073709551616", ((JsonNumber) numbers.get(3)).lexeme());
    assertEquals("1e400", ((JsonNumber) numbers.get(4)).lexeme());
  }

  @Test
  void keepsMemberOrderAsParsed() {
    JsonObject object = (JsonObject) decode("{\"b\":1,\"a\":2}");
    assertEquals(java.util.List.of("b", "a"), java.util.List.copyOf(object.members().keySet()));
  }

  @Test
  void refusesDuplicateKeysNamingKeyAndPlace() {
    RunpackException e = refused(ErrorCode.INVALID_JSON, "{\"a\":1,\n \"a\":2}");
    assertEquals("duplicate key \"a\" at line 2, column 2", e.getMessage());
  }

  @Test
  void refusesDuplicateKeysInNestedObjects() {
    RunpackException e = refused(ErrorCode.INVALID_JSON, "[{\"x\":{\"k\":1,\"k\":1}}]");
    assertEquals("duplicate key \"k\" at line 1, column 14", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} {}", "[1] x", "1 2", "\"a\" ,"})
  void refusesTrailingContent(String text) {
    RunpackException e = refused(ErrorCode.INVALID_JSON, text);
    assertEquals(true, e.getMessage().contains(" at line 1, column "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "[1,]",
        "{\"a\"}",
        "{'a':1}",
        "NaN",
        "[Infinity]",
        "01",
        "+1",
        "[.5]",
        "tru",
        "\"\t\"",
        "{\"a\":1,}",
        "/* c */ 1"
      })
  void refusesInvalidJson(String text) {
    refused(ErrorCode.INVALID_JSON, text);
  }

  @Test
  void refusalsSayWhatIsWrongNotHowToMakeTheParserAcceptIt() {
    assertEquals(
        "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers"
            + " to have plus signs at line 1, column 2",
        refused(ErrorCode.INVALID_JSON, "+1").getMessage());
    assertEquals(
        "Unexpected character ('/' (code 47)): comments are not JSON at line 1, column 1",
        refused(ErrorCode.INVALID_JSON, "/*x*/1").getMessage());
    assertEquals(
        "Non-standard token 'NaN' at line 1, column 4",
        refused(ErrorCode.INVALID_JSON, "NaN").getMessage());
    assertEquals(
        "Unexpected end of the JSON text at line 1, column 3",
        refused(ErrorCode.INVALID_JSON, "1e").getMessage());
    assertEquals(
        "Unexpected end of the JSON text in a string at line 1, column 3",
        refused(ErrorCode.INVALID_JSON, "\"a").getMessage());
  }

  @Test
  void refusesInvalidUtf8() {
    assertRefusedBytes("invalid UTF-8 continuation byte at byte offset 2", '"', 0xc3, 0x28, '"');
  }

  @Test
  void refusesOverlongUtf8ThatWouldSmuggleASlash() {
    assertRefusedBytes(
        "invalid UTF-8 lead byte 0xc0 at byte offset 4",
        '"',
        'r',
        'u',
        'n',
        0xc0,
        0xaf,
        '"'); // 2-byte overlong
    assertRefusedBytes("overlong UTF-8 encoding at byte offset 1", '"', 0xe0, 0x80, 0xaf, '"');
  }

  @Test
  void refusesEncodedSurrogatesCodePointsAboveTheRangeAndCutSequences() {
    assertRefusedBytes("UTF-8 encoded surrogate at byte offset 1", '"', 0xed, 0xa0, 0x80, '"');
    assertRefusedBytes(
        "UTF-8 code point above U+10FFFF at byte offset 1", '"', 0xf4, 0x90, 0x80, 0x80, '"');
    assertRefusedBytes(
        "invalid UTF-8 lead byte 0xf8 at byte offset 1", '"', 0xf8, 0x88, 0x80, 0x80, 0x80, '"');
    assertRefusedBytes("truncated UTF-8 sequence at byte offset 1", '"', 0xe2, 0x82);
  }

  @Test
  void refusesUtf16AndUtf32WhichTheParserWouldOtherwiseGuess() {
    byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE);
    RunpackException e = assertThrows(RunpackException.class, () -> codec.decode(utf16));
    assertEquals("NUL byte at byte offset 1 (JSON text must be UTF-8)", e.getMessage());
    byte[] withBom = "{\"a\":1}".getBytes(StandardCharsets.UTF_16);
    assertEquals(
        ErrorCode.INVALID_JSON,
        assertThrows(RunpackException.class, () -> codec.decode(withBom)).code());
  }

  @Test
  void acceptsEveryWellFormedUtf8Length() {
    JsonString s = (JsonString) decode("\"a\u00e9\u20ac\uD83D\uDE00\"");
    assertEquals("a\u00e9\u20ac\uD83D\uDE00", s.value());
  }

  private void assertRefusedBytes(String message, int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    RunpackException e = assertThrows(RunpackException.class, () -> codec.decode(bytes));
    assertEquals(ErrorCode.INVALID_JSON, e.code());
    assertEquals(message + " (JSON text must be UTF-8)", e.getMessage());
  }

  @Test
  void acceptsNestingUpToTheLimitAndRefusesDeeperWithItsPlace() {
    int limit = codec.limits().maxDepth();
    decode("[".repeat(limit) + "]".repeat(limit));
    RunpackException e =
        refused(ErrorCode.LIMIT_EXCEEDED, "[".repeat(limit + 1) + "]".repeat(limit + 1));
    assertEquals("JSON nesting deeper than the limit of 128 at line 1, column 129", e.getMessage());
  }

  @Test
  void refusesDocumentsOverTheSizeLimitBeforeParsing() {
    JacksonJsonCodec small = new JacksonJsonCodec(JsonLimits.DEFAULTS.withMaxDocumentBytes(10));
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> small.decode("[1,2,3,4,5,6]".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("JSON document of 13 bytes exceeds the limit of 10", e.getMessage());
  }

  @Test
  void refusesStringsOverTheLengthLimit() {
    JacksonJsonCodec small = new JacksonJsonCodec(new JsonLimits(1 << 20, 16, 100, 50));
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> small.decode(("\"" + "x".repeat(101) + "\"").getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("string longer than the limit of 100 characters", e.getMessage());
  }

  @Test
  void refusesNumbersOverTheLengthLimitInItsOwnWords() {
    RunpackException e = refused(ErrorCode.LIMIT_EXCEEDED, "1" + "0".repeat(1000));
    assertEquals("number longer than the limit of 1000 characters", e.getMessage());
  }

  @Test
  void aMemberNameHasTheLimitOfAStringNotJacksonsOwn() {
    String name = "n".repeat(60_000);
    assertEquals(1, ((JsonObject) decode("{\"" + name + "\":1}")).members().size());

    JacksonJsonCodec small = new JacksonJsonCodec(new JsonLimits(1 << 20, 16, 100, 50));
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                small.decode(("{\"" + "n".repeat(101) + "\":1}").getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("member name longer than the limit of 100 bytes", e.getMessage());
  }

  @Test
  void parsesEscapedLoneSurrogatesSoTheCanonicalWriterCanRefuseThem() {
    JsonString s = (JsonString) decode("\"\\ud800\"");
    assertEquals("\ud800", s.value());
    RunpackException e = assertThrows(RunpackException.class, () -> RunpackJson.toBytes(s));
    assertEquals(ErrorCode.INVALID_JSON, e.code());
  }

  @Test
  void writesBackThroughJacksonWithTheOriginalLexemes() throws IOException {
    JsonValue value =
        decode("{\"n\":[1.0,1E+2,-0],\"s\":\"\\u00e9\\n\",\"o\":{\"t\":true,\"z\":null}}");
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      JacksonJsonCodec.write(value, generator);
    }
    assertEquals(
        "{\"n\":[1.0,1E+2,-0],\"s\":\"\u00e9\\n\",\"o\":{\"t\":true,\"z\":null}}", out.toString());
    assertEquals(value, decode(out.toString()));
  }
}

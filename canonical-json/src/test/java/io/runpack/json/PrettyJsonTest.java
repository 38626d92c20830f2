package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link PrettyJson}: serde_json's pretty layout, canonical strings and numbers, bounded. */
class PrettyJsonTest {

  private static String pretty(String json) {
    return new String(
        PrettyJson.format(json.getBytes(StandardCharsets.UTF_8), 1 << 20), StandardCharsets.UTF_8);
  }

  @Test
  void nestedValuesAreIndentedByTwoSpacesWithKeysInInputOrder() {
    assertEquals(
        "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    {\n      \"c\": null\n    }\n  ]\n}\n",
        pretty("{\"b\":1,\"a\":[1,{\"c\":null}]}"));
  }

  @Test
  void emptyContainersStayOnOneLine() {
    assertEquals("{\n  \"a\": [],\n  \"b\": {}\n}\n", pretty("{ \"a\" : [ ], \"b\" : { } }"));
    assertEquals("[]\n", pretty("[]"));
  }

  @Test
  void scalarsAtTheTopLevelEndInANewline() {
    assertEquals("true\n", pretty("true"));
    assertEquals("\"x\"\n", pretty("\"x\""));
  }

  @Test
  void stringsAreEscapedAsInCanonicalForm() {
    assertEquals(
        "[\n  \"/\\u001f\\n\u2028\u00e9\\\"\"\n]\n",
        pretty("[\"\\/\\u001F\\n\\u2028\\u00e9\\\"\"]"));
  }

  @Test
  void numbersAreWrittenInCanonicalForm() {
    assertEquals(
        "[\n  1,\n  0.85,\n  18446744073709551615,\n  0\n]\n",
        pretty("[1.0,0.85,18446744073709551615,-0]"));
  }

  @Test
  void outputOverTheLimitIsRefused() {
    byte[] json = "[[[[[[[[[[1,2,3,4,5,6,7,8,9]]]]]]]]]]".getBytes(StandardCharsets.UTF_8);
    JsonException e = assertThrows(JsonException.class, () -> PrettyJson.format(json, 100));
    assertEquals(JsonError.SIZE_LIMIT, e.error());
    assertEquals("indented JSON exceeds the limit of 100 bytes", e.getMessage());
  }

  @Test
  void invalidJsonIsRefusedAsTheCanonicalizerRefusesIt() {
    JsonException e =
        assertThrows(
            JsonException.class,
            () -> PrettyJson.format("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), 1000));
    assertEquals(JsonError.DUPLICATE_KEY, e.error());
  }
}

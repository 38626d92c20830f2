package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JSON text straight to canonical bytes (FORMAT §1), without a tree. Agreement with the tree path
 * on arbitrary input is fuzzed (fuzz/CanonicalTranscoderFuzzTest); these are the cases that name a
 * behaviour.
 */
class CanonicalTranscoderTest {

  private static final int LIMIT = 1 << 20;

  private static String canonical(String json) {
    return new String(
        CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8), LIMIT),
        StandardCharsets.UTF_8);
  }

  private static JsonException refusal(String json) {
    return assertThrows(JsonException.class, () -> canonical(json));
  }

  @Test
  void sortsMembersThatArriveOutOfOrderAtEveryLevel() {
    assertEquals(
        "{\"a\":[{\"x\":1,\"y\":2}],\"b\":{\"c\":true,\"d\":null}}",
        canonical(" {\"b\" : {\"d\":null, \"c\":true},\n\"a\":[ {\"y\":2,\"x\":1} ]}"));
  }

  @Test
  void sortsByEscapedBytesAndClosingQuote() {
    assertEquals(
        "{\"\\n\":2,\"a \":1,\"a\":0,\"\uE000\":4,\"\uD83D\uDE00\":3}",
        canonical("{\"a\":0,\"a \":1,\"\\u000a\":2,\"\\ud83d\\ude00\":3,\"\uE000\":4}"));
  }

  @Test
  void sortsLargeObjectsLikeSmallOnes() {
    StringBuilder json = new StringBuilder("{");
    StringBuilder expected = new StringBuilder("{");
    for (int i = 999; i >= 0; i--) {
      json.append(i == 999 ? "" : ",")
          .append("\"k")
          .append(String.format("%04d", i))
          .append("\":")
          .append(i);
    }
    for (int i = 0; i < 1000; i++) {
      expected
          .append(i == 0 ? "" : ",")
          .append("\"k")
          .append(String.format("%04d", i))
          .append("\":")
          .append(i);
    }
    assertEquals(expected.append('}').toString(), canonical(json.append('}').toString()));
  }

  @Test
  void rewritesEscapesToTheirCanonicalForm() {
    assertEquals("\"/A\\u001f\\t\\\"é\"", canonical("\"\\/\\u0041\\u001F\\u0009\\\"\\u00e9\""));
  }

  @Test
  void copiesUtf8ContentAsIs() {
    assertEquals("\"Grüße, 世界 \uD83D\uDE00\"", canonical("\"Grüße, 世界 \uD83D\uDE00\""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-0|0",
        "18446744073709551615|18446744073709551615",
        "18446744073709551616|18446744073709552000",
        "-9223372036854775808|-9223372036854775808",
        "-9223372036854775809|-9223372036854776000",
        "1.0|1",
        "1.50|1.5",
        "100e-2|1",
        "0.000001|0.000001",
        "1e-7|1e-7",
        "1E21|1e+21",
        "-0.0|0",
        "123456789012345.6|123456789012345.6",
        "0.1000000000000000055511151231257827|0.1",
        "5e-324|5e-324",
        "1.7976931348623157e308|1.7976931348623157e+308",
        "0.30000000000000004|0.30000000000000004"
      })
  void writesNumbersAsDecisionGateDoes(String lexeme, String expected) {
    assertEquals(expected, canonical(lexeme));
  }

  /** The short-decimal path must agree with the general shortest-round-trip search. */
  @Test
  void shortDecimalsAgreeWithTheGeneralSearch() {
    Random random = new Random(20261126);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      int digits = 1 + random.nextInt(15);
      String lexeme = new BigDecimal(value).round(new MathContext(digits)).toString();
      double parsed = Double.parseDouble(lexeme);
      if (Double.isInfinite(parsed)) {
        continue;
      }
      assertEquals(CanonicalNumbers.ecmaScript(parsed), canonical(lexeme), lexeme);
    }
  }

  @Test
  void refusesDuplicateKeysInOrderOrNot() {
    assertEquals("duplicate key \"a\" at byte 7", refusal("{\"a\":1,\"a\":2}").getMessage());
    assertEquals(JsonError.DUPLICATE_KEY, refusal("{\"b\":1,\"a\":2,\"b\":3}").error());
    assertEquals(JsonError.DUPLICATE_KEY, refusal("{\"\\u0061\":1,\"a\":2}").error());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'[1,]'|INVALID_JSON|expected a JSON value, found ']' at byte 3",
        "'01'|INVALID_JSON|trailing content after the JSON value at byte 1",
        "'\"\\ud800\"'|LONE_SURROGATE|string contains a lone surrogate U+D800 at byte 1",
        "'{\"a\" 1}'|INVALID_JSON|expected ':' after a member name, found '1' at byte 5",
        "'1 2'|INVALID_JSON|trailing content after the JSON value at byte 2",
        "'\"abc'|INVALID_JSON|unterminated string at byte 0",
        "'1e999'|NUMBER_OUT_OF_RANGE|number 1e999 overflows a double at byte 0",
        "'nul'|INVALID_JSON|expected a JSON value, found 'n' at byte 0",
        "' '|INVALID_JSON|empty JSON document"
      })
  void refusesInvalidJsonNamingTheByte(String json, JsonError error, String message) {
    JsonException e = refusal(json);
    assertEquals(error, e.error());
    assertEquals(message, e.getMessage());
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] overlong = {'"', (byte) 0xc0, (byte) 0xaf, '"'};
    JsonException e =
        assertThrows(JsonException.class, () -> CanonicalJson.canonicalize(overlong, LIMIT));
    assertEquals("invalid UTF-8 lead byte 0xc0 at byte 1", e.getMessage());
    byte[] surrogate = {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'};
    assertEquals(
        JsonError.INVALID_JSON,
        assertThrows(JsonException.class, () -> CanonicalJson.canonicalize(surrogate, LIMIT))
            .error());
  }

  @Test
  void enforcesDepthAndOutputLimits() {
    String deep = "[".repeat(129) + "]".repeat(129);
    assertEquals(JsonError.DEPTH_LIMIT, refusal(deep).error());
    assertEquals("[".repeat(128) + "]".repeat(128), canonical("[".repeat(128) + "]".repeat(128)));
    JsonException e =
        assertThrows(
            JsonException.class,
            () -> CanonicalJson.canonicalize("[1,2,3]".getBytes(StandardCharsets.US_ASCII), 6));
    assertEquals(JsonError.SIZE_LIMIT, e.error());
  }

  @Test
  void aCanonicalValueCountsItsDepthWhereItIsWritten() {
    JsonCanonical record =
        CanonicalJson.canonicalValue(
            ("[".repeat(128) + "]".repeat(128)).getBytes(StandardCharsets.US_ASCII), LIMIT);
    assertEquals(128, record.depth());
    JsonException e =
        assertThrows(JsonException.class, () -> CanonicalJson.toBytes(JsonArray.of(record)));
    assertEquals(JsonError.DEPTH_LIMIT, e.error());
  }
}

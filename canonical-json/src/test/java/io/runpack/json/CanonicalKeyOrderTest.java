package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §1 "Object members": sorted by the escaped UTF-8 key bytes followed by the closing quote,
 * which differs from RFC 8785's UTF-16 order in the cases tested here.
 */
class CanonicalKeyOrderTest {

  private static String canonical(JsonValue value) {
    return new String(CanonicalJson.toBytes(value), StandardCharsets.UTF_8);
  }

  private static JsonObject object(String... keys) {
    JsonObject.Builder builder = JsonObject.builder();
    for (int i = 0; i < keys.length; i++) {
      builder.put(keys[i], JsonNumber.of(i));
    }
    return builder.build();
  }

  @Test
  void sortsPlainAsciiKeysByByteOrder() {
    assertEquals("{\"A\":2,\"a\":1,\"aa\":3,\"b\":0}", canonical(object("b", "a", "A", "aa")));
  }

  @Test
  void sortsSpaceAndBangSuffixesBeforeTheBareKey() {
    // 0x20 and 0x21 sort below the closing quote 0x22
    assertEquals("{\"a \":1,\"a!\":2,\"a\":0,\"a#\":3}", canonical(object("a", "a ", "a!", "a#")));
  }

  @Test
  void sortsKeysWithEscapesByTheirEscapeBytes() {
    // "\n" is written as 0x5c 0x6e: after "Z" (0x5a), before "a" (0x61); U+0001 as \u0001 likewise
    String out = canonical(object("a", "\n", "Z", "\u0001"));
    assertEquals("{\"Z\":2,\"\\n\":1,\"\\u0001\":3,\"a\":0}", out);
  }

  @Test
  void sortsPrivateUseBeforeSupplementaryCharacters() {
    // UTF-8: U+E000 is EE 80 80, U+1F600 is F0 9F 98 80 (RFC 8785's UTF-16 order is the reverse)
    assertEquals("{\"\uE000\":1,\"\uD83D\uDE00\":0}", canonical(object("\uD83D\uDE00", "\uE000")));
  }

  @Test
  void sortsNestedObjectsAndKeepsArrayOrder() {
    JsonObject inner = object("z", "y");
    JsonObject outer =
        JsonObject.builder()
            .put("list", JsonArray.of(JsonNumber.of(3), inner, JsonNumber.of(1)))
            .put("a", inner)
            .build();
    assertEquals("{\"a\":{\"y\":1,\"z\":0},\"list\":[3,{\"y\":1,\"z\":0},1]}", canonical(outer));
  }

  @Test
  void refusesDuplicateKeys() {
    JsonObject.Builder builder = JsonObject.builder().put("k", JsonNull.INSTANCE);
    JsonException e = assertThrows(JsonException.class, () -> builder.put("k", JsonBoolean.TRUE));
    assertEquals(JsonError.DUPLICATE_KEY, e.error());
    assertEquals("duplicate key \"k\"", e.getMessage());
  }

  @Test
  void acceptsNestingUpToTheDepthLimitAndRefusesDeeper() {
    JsonValue value = JsonNull.INSTANCE;
    for (int i = 0; i < CanonicalJson.MAX_DEPTH; i++) {
      value = JsonArray.of(value);
    }
    assertEquals(CanonicalJson.MAX_DEPTH * 2 + 4, CanonicalJson.toBytes(value).length);
    JsonValue deeper = JsonArray.of(value);
    JsonException e = assertThrows(JsonException.class, () -> CanonicalJson.toBytes(deeper));
    assertEquals(JsonError.DEPTH_LIMIT, e.error());
  }

  @Test
  void stopsAtTheByteLimit() {
    JsonValue value = new JsonString("x".repeat(100));
    assertEquals(102, CanonicalJson.toBytes(value, 102).length);
    JsonException e = assertThrows(JsonException.class, () -> CanonicalJson.toBytes(value, 101));
    assertEquals(JsonError.SIZE_LIMIT, e.error());
    assertEquals("canonical JSON exceeds the limit of 101 bytes", e.getMessage());
  }
}

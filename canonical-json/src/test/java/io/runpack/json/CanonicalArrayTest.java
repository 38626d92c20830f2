package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An array assembled from canonical values is the canonical form of the same array. */
class CanonicalArrayTest {

  @Test
  void givesTheBytesOfTheSameArrayWrittenCanonically() {
    List<JsonValue> elements = new ArrayList<>();
    CanonicalArray array = new CanonicalArray();
    for (String text : List.of("{\"b\":1,\"a\":[2.50,\"\\u0041\"]}", "0", "\"x\"", "[]", "{}")) {
      JsonCanonical element =
          CanonicalJson.canonicalValue(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
      elements.add(element);
      array.add(element);
    }

    JsonCanonical built = array.build();

    assertEquals(5, array.size());
    assertArrayEquals(CanonicalJson.toBytes(new JsonArray(elements)), CanonicalJson.toBytes(built));
    assertEquals("[{\"a\":[2.5,\"A\"],\"b\":1},0,\"x\",[],{}]", built.text());
    assertEquals(3, built.depth());
    assertEquals(elements, built.elements());
  }

  @Test
  void anEmptyArrayIsTwoBrackets() {
    assertEquals("[]", new CanonicalArray().build().text());
  }
}

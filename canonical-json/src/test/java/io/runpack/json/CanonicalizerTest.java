package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One instance reused for many documents, as a run store uses it: working memory, never state. */
class CanonicalizerTest {

  private static final int LIMIT = 1 << 20;

  @Test
  void aResultIsNotChangedByTheCallsAfterIt() {
    Canonicalizer canonicalizer = new Canonicalizer();
    byte[] first = canonicalizer.canonicalize(bytes("{\"b\":1,\"a\":[1.0,2]}"), LIMIT);
    JsonCanonical second = canonicalizer.canonicalValue(bytes("{\"z\":\"zzzzzzzzzz\"}"), LIMIT);
    canonicalizer.canonicalize(bytes("[\"" + "x".repeat(10_000) + "\"]"), LIMIT);
    assertEquals("{\"a\":[1,2],\"b\":1}", text(first));
    assertEquals("{\"z\":\"zzzzzzzzzz\"}", second.text());
  }

  @Test
  void aRefusalLeavesTheInstanceReadyForTheNextDocument() {
    Canonicalizer canonicalizer = new Canonicalizer();
    JsonException e =
        assertThrows(
            JsonException.class,
            () -> canonicalizer.canonicalize(bytes("{\"c\":{\"b\":1,\"a\":2,\"b\":3}}"), LIMIT));
    assertEquals(JsonError.DUPLICATE_KEY, e.error());
    assertEquals(
        "{\"a\":{\"x\":1,\"y\":2},\"b\":3}",
        text(canonicalizer.canonicalize(bytes("{\"b\":3,\"a\":{\"y\":2,\"x\":1}}"), LIMIT)));
  }

  @Test
  void aDocumentLargerThanTheKeptBufferIsCanonicalizedWhole() {
    Canonicalizer canonicalizer = new Canonicalizer();
    String big = "x".repeat(Canonicalizer.KEPT_BUFFER_BYTES + 10);
    assertEquals(
        "[\"" + big + "\"]",
        text(
            canonicalizer.canonicalize(
                bytes("[ \"" + big + "\" ]"), 2 * Canonicalizer.KEPT_BUFFER_BYTES)));
    assertEquals("[1]", text(canonicalizer.canonicalize(bytes("[1.0]"), LIMIT)));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

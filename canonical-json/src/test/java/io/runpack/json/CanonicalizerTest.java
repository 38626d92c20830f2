package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One instance reused for many documents, as a run store uses it: working memory, never state. */
class CanonicalizerTest {

  private static final int LIMIT = 1 << 20;

  @Test
  void aResultIsNotChangedByTheCallsAfterIt() {
    Canonicalizer canonicalizer = warmed();
    byte[] first = canonicalizer.canonicalize(bytes("{\"b\":1,\"a\":[1.0,2]}"), LIMIT);
    JsonCanonical second = canonicalizer.canonicalValue(bytes("{\"z\":\"zzzzzzzzzz\"}"), LIMIT);
    canonicalizer.canonicalize(bytes("[\"" + "x".repeat(10_000) + "\"]"), LIMIT);
    assertEquals("{\"a\":[1,2],\"b\":1}", text(first));
    assertEquals("{\"z\":\"zzzzzzzzzz\"}", second.text());
  }

  @Test
  void aRefusalLeavesTheInstanceReadyForTheNextDocument() {
    Canonicalizer canonicalizer = warmed();
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
    Canonicalizer canonicalizer = warmed();
    String big = "x".repeat(Canonicalizer.KEPT_BUFFER_BYTES + 10);
    assertEquals(
        "[\"" + big + "\"]",
        text(
            canonicalizer.canonicalize(
                bytes("[ \"" + big + "\" ]"), 2 * Canonicalizer.KEPT_BUFFER_BYTES)));
    assertEquals("[1]", text(canonicalizer.canonicalize(bytes("[1.0]"), LIMIT)));
  }

  @Test
  void anObjectShapedLikeOneBeforeIsSortedByItsOwnKeys() {
    Canonicalizer canonicalizer = warmed();
    // The same first eight bytes of key in the same places: the order remembered is only a guess.
    assertEquals(
        "{\"evidence_a\":2,\"evidence_b\":1}",
        text(canonicalizer.canonicalize(bytes("{\"evidence_b\":1,\"evidence_a\":2}"), LIMIT)));
    assertEquals(
        "{\"evidence_b\":2,\"evidence_c\":1}",
        text(canonicalizer.canonicalize(bytes("{\"evidence_c\":1,\"evidence_b\":2}"), LIMIT)));
    assertEquals(
        "[{\"a\":1,\"evidence_a\":0,\"evidence_b\":2},{\"a\":1,\"evidence_a\":2,\"evidence_b\":0}]",
        text(
            canonicalizer.canonicalize(
                bytes(
                    "[{\"evidence_a\":0,\"a\":1,\"evidence_b\":2},"
                        + "{\"evidence_b\":0,\"a\":1,\"evidence_a\":2}]"),
                LIMIT)));
  }

  @Test
  void aKeyTwiceIsFoundInAnObjectShapedLikeOneBefore() {
    Canonicalizer canonicalizer = warmed();
    canonicalizer.canonicalize(bytes("{\"evidence_a\":1,\"b\":0,\"evidence_c\":2}"), LIMIT);
    JsonException e =
        assertThrows(
            JsonException.class,
            () ->
                canonicalizer.canonicalize(
                    bytes("{\"evidence_a\":1,\"b\":0,\"evidence_a\":2}"), LIMIT));
    assertEquals(JsonError.DUPLICATE_KEY, e.error());
    assertEquals("duplicate key \"evidence_a\" at byte 22", e.getMessage());
  }

  @Test
  void recordsOfFewShapesComeOutSortedEachByItsOwnKeys() {
    Canonicalizer canonicalizer = warmed();
    Random random = new Random(13);
    // No key is a prefix of another here, so their order as strings is their canonical order.
    String[] keys = {"a", "b", "status", "evidence_hash", "evidence_ref", "evidence_anchor", "z"};
    for (int round = 0; round < 2_000; round++) {
      List<String> records = new ArrayList<>();
      boolean twice = false;
      List<String> sorted = new ArrayList<>();
      for (int record = 0; record < 3; record++) {
        List<String> members = new ArrayList<>();
        for (String key : keys) {
          if (random.nextInt(4) > 0) {
            members.add("\"" + key + "\":" + random.nextInt(3));
          }
        }
        if (random.nextInt(8) == 0 && !members.isEmpty()) {
          members.add(members.get(random.nextInt(members.size())).replaceAll(":.*", ":9"));
          twice = true;
        }
        Collections.shuffle(members, new Random(random.nextInt(4))); // few orders: shapes repeat
        records.add("{" + String.join(",", members) + "}");
        List<String> inOrder = new ArrayList<>(members);
        Collections.sort(inOrder);
        sorted.add("{" + String.join(",", inOrder) + "}");
      }
      String json = "[" + String.join(",", records) + "]";
      String expected = twice ? "DUPLICATE_KEY" : "[" + String.join(",", sorted) + "]";
      assertEquals(expected, outcome(() -> canonicalizer.canonicalize(bytes(json), LIMIT)), json);
    }
  }

  @Test
  void anObjectWithTheFirstMembersOfAKnownShapeIsSortedByThem() {
    Canonicalizer canonicalizer = warmed();
    assertEquals(
        "[{\"a\":2,\"b\":1,\"c\":3},{\"a\":2,\"b\":1},{\"b\":1}]",
        text(
            canonicalizer.canonicalize(
                bytes("[{\"b\":1,\"a\":2,\"c\":3},{\"b\":1,\"a\":2},{\"b\":1}]"), LIMIT)));
  }

  @Test
  void aKeyTwiceAfterTheMembersOfAKnownShapeIsRefused() {
    Canonicalizer canonicalizer = warmed();
    canonicalizer.canonicalize(bytes("{\"b\":1,\"a\":2,\"c\":3}"), LIMIT);
    JsonException e =
        assertThrows(
            JsonException.class,
            () -> canonicalizer.canonicalize(bytes("{\"b\":1,\"a\":2,\"b\":3}"), LIMIT));
    assertEquals("duplicate key \"b\" at byte 13", e.getMessage());
    e =
        assertThrows(
            JsonException.class,
            () -> canonicalizer.canonicalize(bytes("{\"b\":1,\"a\":2,\"c\":3,\"a\":4}"), LIMIT));
    assertEquals("duplicate key \"a\" at byte 19", e.getMessage());
  }

  @Test
  void anObjectWhoseShapeIsReplacedWhileItIsReadIsSortedByItsOwnNames() {
    Canonicalizer canonicalizer = warmed();
    canonicalizer.canonicalize(bytes("{\"a\":1,\"c\":2,\"b\":3}"), LIMIT);
    // The nested object begins as the outer one does, so its shape takes the outer one's place,
    // and its last name is the outer one's last (which is not near the end of the text).
    assertEquals(
        "[{\"a\":1,\"b\":3,\"c\":{\"0\":6,\"a\":5,\"b\":7}},null]",
        text(
            canonicalizer.canonicalize(
                bytes("[{\"a\":1,\"c\":{\"a\":5,\"0\":6,\"b\":7},\"b\":3},null]"), LIMIT)));
  }

  @Test
  void namesOfAKnownShapeAreRecognizedOnlyAsTheyWereWritten() {
    Canonicalizer canonicalizer = warmed();
    String[][] cases = {
      {"{\"bb\":1,\"a\":2}", "{\"a\":2,\"bb\":1}"},
      {"{\"bb\":1,\"ab\":2}", "{\"ab\":2,\"bb\":1}"}, // a longer name
      {"{\"bb\":1,\"\":2}", "{\"\":2,\"bb\":1}"}, // a shorter one
      {"{\"b\\u0062\":1,\"a\":2}", "{\"a\":2,\"bb\":1}"}, // an escape: not as written
      {"{\"bb\" : 1 , \"a\" :2}", "{\"a\":2,\"bb\":1}"}, // whitespace
      {"{\"bb\":1,\"a\\\"\":2}", "{\"a\\\"\":2,\"bb\":1}"}, // a quote in the name
      // escapes that shorten the name so that a colon in it falls where the name read would end
      {"{\"\\/\\/a:\":1,\"b\":2}", "{\"//a:\":1,\"b\":2}"},
      {"{\"bb\":{\"bb\":1,\"a\":2},\"a\":[]}", "{\"a\":[],\"bb\":{\"a\":2,\"bb\":1}}"},
      {"{\"bb\":1,\"a\":2}", "{\"a\":2,\"bb\":1}"}, // at the very end of the text
    };
    for (int round = 0; round < 2; round++) {
      for (String[] c : cases) {
        assertEquals(c[1], text(canonicalizer.canonicalize(bytes(c[0]), LIMIT)), c[0]);
      }
    }
  }

  @Test
  void objectsBeyondWhatIsRememberedAreSortedAllTheSame() {
    Canonicalizer canonicalizer = warmed();
    String longName = "n".repeat(KnownShapes.MAX_NAME_BYTES);
    StringBuilder many = new StringBuilder("{");
    StringBuilder sorted = new StringBuilder("{");
    for (int i = KnownShapes.MAX_MEMBERS; i >= 0; i--) {
      many.append(i == KnownShapes.MAX_MEMBERS ? "" : ",").append("\"k").append((char) ('a' + i));
      many.append("\":").append(i);
    }
    for (int i = 0; i <= KnownShapes.MAX_MEMBERS; i++) {
      sorted.append(i == 0 ? "" : ",").append("\"k").append((char) ('a' + i)).append("\":");
      sorted.append(i);
    }
    String json = "[" + many + "}," + many + "},{\"" + longName + "\":1,\"a\":2}]";
    String expected = "[" + sorted + "}," + sorted + "},{\"a\":2,\"" + longName + "\":1}]";
    for (int round = 0; round < 2; round++) {
      assertEquals(expected, text(canonicalizer.canonicalize(bytes(json), LIMIT)));
    }
  }

  @Test
  void manyShapesTakingEachOthersPlacesComeOutSorted() {
    Canonicalizer canonicalizer = warmed();
    Random random = new Random(17);
    for (int round = 0; round < 3_000; round++) {
      int n = 1 + random.nextInt(5);
      List<String> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        members.add("\"" + (char) ('a' + random.nextInt(26)) + "x" + i + "\":" + i);
      }
      List<String> inOrder = new ArrayList<>(members);
      Collections.sort(inOrder);
      String json = "{" + String.join(",", members) + "}";
      String expected = "{" + String.join(",", inOrder) + "}";
      assertEquals(expected, text(canonicalizer.canonicalize(bytes(json), LIMIT)), json);
    }
  }

  /**
   * Over a tight limit, which refusal comes first (the limit, or a defect further on) depends on
   * when the output is written: knowing a shape must not change that.
   */
  @Test
  void theRefusalOfATextOverTheLimitDoesNotDependOnTheShapesKnown() {
    String[][] cases = {
      {"{\"a\":1}", "[{\"a\":1},tru", "7"}, // learning a shape writes nothing out
      // names alike in their first eight bytes: read the general way, the output is written out
      {"{\"evidence_a\":1,\"evidence_b\":2}", "[{\"evidence_a\":1,\"evidence_b\":2},tru", "20"},
      {"{\"a\\\"b\":1}", "[{\"a\\\"b\":1},tru", "3"}, // and at an escape
    };
    for (String[] c : cases) {
      Canonicalizer kept = warmed();
      kept.canonicalize(bytes("[" + (c[0] + ",").repeat(3) + "0]"), LIMIT);
      int limit = Integer.parseInt(c[2]);
      assertEquals(
          outcome(() -> new Canonicalizer().canonicalize(bytes(c[1]), limit)),
          outcome(() -> kept.canonicalize(bytes(c[1]), limit)),
          c[1]);
    }
  }

  @Test
  void aDocumentOfAFewObjectsDoesNotMakeTheShapeTable() {
    ObjectMembers members = new ObjectMembers(true);
    OpenContainers open = new OpenContainers();
    byte[] few = bytes("[" + "{\"b\":1,\"a\":2},".repeat(10) + "0]");
    CanonicalTranscoder.transcode(few, new ByteOutput(LIMIT), members, open);
    assertNull(members.shapes());
    byte[] many = bytes("[" + "{\"b\":1,\"a\":2},".repeat(40) + "0]");
    CanonicalTranscoder.transcode(many, new ByteOutput(LIMIT), members, open);
    assertNotNull(members.shapes());
  }

  /**
   * An instance that has read enough objects to remember shapes ({@link KnownShapes} is made after
   * a few dozen), none of them shaped like those of the tests.
   */
  private static Canonicalizer warmed() {
    Canonicalizer canonicalizer = new Canonicalizer();
    canonicalizer.canonicalize(bytes("[" + "{\"warm-up\":0},".repeat(40) + "0]"), LIMIT);
    return canonicalizer;
  }

  private static String outcome(Supplier<byte[]> canonicalize) {
    try {
      return text(canonicalize.get());
    } catch (JsonException e) {
      return e.error().name();
    }
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

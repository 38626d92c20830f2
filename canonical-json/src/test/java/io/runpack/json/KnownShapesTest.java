package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Which objects {@link KnownShapes} recognizes, and what recognizing and learning cost it ({@link
 * ShapeCredit}). What comes out never depends on it ({@link CanonicalizerTest}); how fast it comes
 * out does, so these tests look inside.
 */
class KnownShapesTest {

  private static final int LIMIT = 1 << 20;

  private static final String A = "{\"id\":1,\"zeta\":2,\"alpha\":3}";
  private static final String B = "{\"id\":1,\"beta\":2,\"omega\":3,\"gamma\":4}";

  @Test
  void shapesThatBeginWithTheSameNameAreEachRecognizedWhole() {
    ObjectMembers members = read("[" + (A + "," + B + ",").repeat(40) + "0]");
    assertEquals(3, recognized(members.shapes(), A));
    assertEquals(4, recognized(members.shapes(), B));
    assertEquals(2, recognized(members.shapes(), "{\"id\":1,\"zeta\":2,\"beta\":3}"));
  }

  @Test
  void aShapeIsRecognizedAgainAfterObjectsThatNeverRepeatOne() {
    ObjectMembers members = new ObjectMembers(true);
    OpenContainers open = new OpenContainers();
    Random random = new Random(5);
    StringBuilder never = new StringBuilder("[");
    for (int object = 0; object < 5_000; object++) {
      never.append("{\"n").append(object).append("_").append(random.nextInt(1000)).append("\":0,");
      never.append("\"m").append(object).append("\":1},");
    }
    CanonicalTranscoder.transcode(
        bytes(never.append("0]").toString()), new ByteOutput(LIMIT), members, open);
    byte[] log = bytes("[" + (A + ",").repeat(10 * ShapeCredit.MAX * ShapeCredit.MAX) + "0]");
    CanonicalTranscoder.transcode(log, new ByteOutput(LIMIT), members, open);
    assertEquals(3, recognized(members.shapes(), A));
  }

  @Test
  void withoutCreditOneObjectInMaxIsLookedUp() {
    ShapeCredit credit = new ShapeCredit();
    for (int i = 0; i < ShapeCredit.MAX; i++) {
      assertTrue(credit.looksUp());
      credit.spend();
    }
    int lookups = 0;
    for (int i = 0; i < 10 * ShapeCredit.MAX; i++) {
      lookups += credit.looksUp() ? 1 : 0;
    }
    assertEquals(10, lookups);
    credit.earn();
    assertTrue(credit.looksUp());
    credit.spend();
    assertFalse(credit.looksUp());
  }

  /** Only a shape learned spends credit: names that cannot be learned do not stop recognition. */
  @Test
  void objectsWhoseNamesCannotBeLearnedSpendNoCredit() {
    String escaped = "{\"k\\u00e9y\":1,\"m\":2}"; // an escape: not learned
    String spaced = "{\"m\" :1,\"k\":2}"; // whitespace before a colon: not learned
    ObjectMembers members =
        read("[" + (A + "," + escaped + "," + spaced + ",").repeat(20 * ShapeCredit.MAX) + "0]");
    for (int i = 0; i < 10 * ShapeCredit.MAX; i++) {
      assertEquals(3, recognized(members.shapes(), A), "lookup " + i);
    }
  }

  /**
   * Names at the very end of the text are recognized too: a document whose last object is of a
   * known shape does not learn it again (which took another slot, and spent credit that only a
   * shape recognized to its last name earns back, until other shapes were no longer looked up).
   */
  @Test
  void aShapeEndingTheTextIsRecognizedToItsLastName() {
    String last = "{\"id\":1,\"b\":2}";
    ObjectMembers members = read("[" + (A + "," + last + ",").repeat(40) + "0]");
    byte[] atTheEnd = bytes(last); // "b" and its colon are followed by three bytes only
    int shape = members.shapes().next(-1, 0, atTheEnd, 1);
    assertTrue(shape >= 0);
    assertEquals(shape, members.shapes().next(shape, 1, atTheEnd, 8));
    OpenContainers open = new OpenContainers();
    for (int document = 0; document < 10 * ShapeCredit.MAX; document++) {
      CanonicalTranscoder.transcode(bytes("[" + last + "]"), new ByteOutput(LIMIT), members, open);
    }
    for (int i = 0; i < 10 * ShapeCredit.MAX; i++) {
      assertEquals(3, recognized(members.shapes(), A), "lookup " + i);
    }
  }

  private static ObjectMembers read(String json) {
    ObjectMembers members = new ObjectMembers(true);
    CanonicalTranscoder.transcode(
        bytes(json), new ByteOutput(LIMIT), members, new OpenContainers());
    return members;
  }

  /**
   * How many members of {@code object} (flat, compact) a known shape recognizes, name after name,
   * as {@link CanonicalTranscoder} asks: 0 when none is found by its first name.
   */
  private static int recognized(KnownShapes shapes, String object) {
    byte[] text = bytes(object + " ".repeat(KnownShapes.MAX_NAME_BYTES)); // not near the end
    List<Integer> names = new ArrayList<>();
    for (int at = 1; at < object.length(); at++) {
      if (text[at] == '"' && (text[at - 1] == '{' || text[at - 1] == ',')) {
        names.add(at);
      }
    }
    int shape = -1;
    for (int i = 0; i < names.size(); i++) {
      shape = shapes.next(shape, i, text, names.get(i));
      if (shape < 0) {
        return i;
      }
    }
    return names.size();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}

package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Objects read whole by their known shapes ({@link KnownObjectReader}) come out exactly as the
 * general way writes them, and any text it does not read whole (whitespace, escapes, a shape not
 * known, a defect, a limit) is answered exactly as a reader that never saw a shape answers it, the
 * byte limit's refusal included.
 */
class KnownObjectReaderTest {

  private static final int LIMIT = 1 << 20;

  /** Records of a log: nested objects and arrays, names out of order, numbers to rewrite. */
  private static final String[] RECORDS = {
    "{\"trigger_id\":\"trigger-1\",\"stage_id\":\"intake\",\"evaluation\":{\"gate_id\":\"g\","
        + "\"status\":\"True\",\"trace\":[{\"condition_id\":\"c-0\",\"status\":\"True\"},"
        + "{\"condition_id\":\"c-1\",\"status\":\"False\"}]},\"evidence\":[{\"condition_id\":"
        + "\"c-0\",\"status\":\"True\",\"result\":{\"value\":{\"score\":0.50,\"latency_ms\":561.0,"
        + "\"checked\":32,\"weights\":[1.0,2e3,-0.0,1E-7]},\"lane\":\"verified\",\"error\":null,"
        + "\"signature\":null,\"content_type\":\"application/json\"}}]}",
    // names whose first eight bytes tie, an empty object and array, text beyond ASCII
    "{\"evidence_ref\":{\"uri\":\"s3://évidence/🙂\"},\"evidence_hash\":{\"value\":\"ab\","
        + "\"algorithm\":\"sha256\"},\"evidence_anchor\":{},\"evidence\":[],\"flags\":"
        + "{\"gift\":false,\"express\":true}}",
    // shapes that begin alike (the same first names), nested in arrays of arrays
    "{\"rows\":[[{\"id\":1,\"zeta\":2.50,\"alpha\":3}],[{\"id\":2,\"beta\":4,\"omega\":5,"
        + "\"gamma\":6e0}]],\"id\":0}",
    // names in canonical order throughout: nothing to move, only numbers to rewrite
    "{\"a\":1.0,\"b\":{\"c\":[1e1,2],\"d\":\"x\"},\"e\":-0}",
    // escapes as canonical text writes them (the general way writes the output out at each)
    "{\"note\":\"deliver to \\\"door 2\\\"\\n\",\"ctl\":\"\\u001f\\t\\\\\",\"id\":1.0}",
    // in canonical order, nothing to rewrite but an escape written out
    "{\"a\":\"say \\\"hi\\\"\",\"b\":[\"x\"]}",
    // in canonical order, nothing to rewrite, but names whose first eight bytes tie
    "{\"evidence_anchor\":\"a\",\"evidence_hash\":{\"algorithm\":\"sha256\"},\"z\":[true]}"
  };

  @Test
  void recordsReadWholeComeOutAsTheGeneralWayWritesThem() {
    for (String record : RECORDS) {
      ObjectMembers kept = warmed(record);
      KnownObjectMemory memory = kept.knownObjects();
      long before = memory.readWhole();
      assertEquals(fresh(record, LIMIT), outcome(kept, record, LIMIT), record);
      assertEquals(before + 1, memory.readWhole(), "read whole: " + record);
      // Over a tight limit, the limit is met where the general way writes the output out: before
      // a defect further on (the refusal is the limit's), or not (the defect's).
      String thenDefect = "[" + record + ",tru]";
      for (int limit = 1; limit <= record.length() + 8; limit++) {
        assertEquals(fresh(record, limit), outcome(kept, record, limit), record + " " + limit);
        assertEquals(
            fresh(thenDefect, limit), outcome(kept, thenDefect, limit), thenDefect + " " + limit);
      }
    }
  }

  @Test
  void textNotReadWholeIsAnsweredAsANewReaderAnswersIt() {
    Random random = new Random(2026_12_02L);
    for (String record : RECORDS) {
      ObjectMembers kept = warmed(record);
      for (int trial = 0; trial < 3_000; trial++) {
        String changed = mutated(record, random);
        int limit = random.nextBoolean() ? LIMIT : 1 + random.nextInt(changed.length() + 8);
        assertEquals(fresh(changed, limit), outcome(kept, changed, limit), changed + " " + limit);
        outcome(kept, record, LIMIT); // read whole again: the next one is tried whole too
      }
    }
  }

  @Test
  void nestingAtTheDepthLimitIsRefusedWhereTheGeneralWayRefusesIt() {
    for (int depth = CanonicalJson.MAX_DEPTH - 3; depth <= CanonicalJson.MAX_DEPTH + 1; depth++) {
      String record = "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + ",\"b\":1.0}";
      ObjectMembers kept = warmed("{\"a\":[],\"b\":1.0}");
      assertEquals(fresh(record, LIMIT), outcome(kept, record, LIMIT), "depth " + depth);
      String wrapped = "[".repeat(4) + record + "]".repeat(4);
      assertEquals(fresh(wrapped, LIMIT), outcome(kept, wrapped, LIMIT), "wrapped " + depth);
    }
  }

  @Test
  void aRecordWithTooMuchToRewriteIsReadTheGeneralWayAndItsMemoryIsKept() {
    String record = "{\"b\":[" + "1.0,".repeat(KnownObjectMemory.MAX_REWRITES) + "2.50],\"a\":1}";
    ObjectMembers kept = warmed("{\"b\":[1.0],\"a\":1}");
    long before = kept.knownObjects().readWhole();
    assertEquals(fresh(record, LIMIT), outcome(kept, record, LIMIT));
    assertEquals(before, kept.knownObjects().readWhole(), "read the general way");
    assertTrue(kept.retainedBytes() <= Canonicalizer.KEPT_BUFFER_BYTES, "" + kept.retainedBytes());
    String fewer =
        "{\"b\":[" + "1.0,".repeat(KnownObjectMemory.MAX_REWRITES - 2) + "2.50],\"a\":1}";
    assertEquals(fresh(fewer, LIMIT), outcome(kept, fewer, LIMIT));
    assertEquals(before + 1, kept.knownObjects().readWhole(), "read whole");
  }

  /** Working memory that has read the record often enough to know all its shapes. */
  private static ObjectMembers warmed(String record) {
    ObjectMembers kept = new ObjectMembers(true);
    outcome(kept, "[" + (record + ",").repeat(40) + "0]", LIMIT);
    for (int i = 0; i < 4; i++) {
      outcome(kept, record, LIMIT);
    }
    return kept;
  }

  /** Escapes as canonical text writes them, and not. */
  private static final String[] ESCAPES = {
    "\\u00e9", "\\u001F", "\\u001f", "\\u0008", "\\/", "\\n", "\\\"", "\\ud83d\\ude00"
  };

  private static final String REPLACEMENTS = "{}[]\",:0-.eE\\x1";

  private static String mutated(String record, Random random) {
    StringBuilder text = new StringBuilder(record);
    int at = random.nextInt(text.length());
    switch (random.nextInt(7)) {
      case 0 -> text.insert(at, " \n\t".charAt(random.nextInt(3)));
      case 1 -> text.setCharAt(at, REPLACEMENTS.charAt(random.nextInt(REPLACEMENTS.length())));
      case 2 -> text.deleteCharAt(at);
      case 3 -> text.setLength(at);
      case 4 -> text.insert(at, ESCAPES[random.nextInt(ESCAPES.length)]);
      case 5 -> text.insert(at, random.nextBoolean() ? "1e400" : "123456789012345678901");
      default -> text.insert(at, "\"x\":1,");
    }
    return text.toString();
  }

  /** What a reader that knows no shape answers. */
  private static String fresh(String text, int limit) {
    return outcome(new ObjectMembers(), text, limit);
  }

  private static String outcome(ObjectMembers members, String text, int limit) {
    try {
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      JsonCanonical canonical =
          CanonicalTranscoder.transcode(json, new ByteOutput(limit), members, new OpenContainers());
      return new String(canonical.bytes(), StandardCharsets.UTF_8);
    } catch (JsonException e) {
      assertTrue(e.getMessage() != null);
      return e.error() + " " + e.getMessage();
    }
  }
}

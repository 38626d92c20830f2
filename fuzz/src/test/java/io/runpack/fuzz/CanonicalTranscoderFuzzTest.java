package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.json.JsonLimits;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.CanonicalJson;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonException;
import java.util.Set;

/**
 * Differential fuzzing of the one-pass canonicalizer against the reference path (strict decode to a
 * tree, then the canonical writer): for any bytes, both give the same canonical bytes, or both
 * refuse with a typed error; and a canonicalizer kept from one input to the next answers as one
 * made for the input does, refusals included. The codes may differ when the input has several
 * defects: the reference checks the encoding of the whole text first and a duplicate key as soon as
 * it is read, the one-pass reader reports defects in reading order and duplicates of an unsorted
 * object when the object ends.
 */
class CanonicalTranscoderFuzzTest {

  private static final int MAX_BYTES = 1 << 20;
  private static final Set<String> TYPED =
      Set.of(ErrorCode.INVALID_JSON.name(), ErrorCode.LIMIT_EXCEEDED.name());
  private static final Canonicalizer KEPT = new Canonicalizer();
  private static final JacksonJsonCodec CODEC =
      new JacksonJsonCodec(JsonLimits.DEFAULTS.withMaxDocumentBytes(1 << 16));

  @FuzzTest(maxDuration = "10m")
  void transcoderAgreesWithTheTreePath(byte[] input) {
    Bounded.run(() -> checkAgreement(input));
  }

  private static void checkAgreement(byte[] input) {
    if (input.length > 1 << 16) {
      return;
    }
    Outcome reference = Outcome.of(() -> CanonicalJson.toBytes(CODEC.decode(input), MAX_BYTES));
    Outcome transcoded = Outcome.of(() -> CanonicalJson.canonicalize(input, MAX_BYTES));
    // An instance kept from input to input, as a run store keeps one, knows the shapes of objects
    // read before (from earlier inputs, then from this one): it must answer exactly the same.
    assertEquals(
        transcoded.toString(), Outcome.of(() -> KEPT.canonicalize(input, MAX_BYTES)).toString());
    assertEquals(
        transcoded.toString(), Outcome.of(() -> KEPT.canonicalize(input, MAX_BYTES)).toString());
    // Over a tight limit, which refusal comes first (the limit, or a defect further on) depends on
    // when the output is written out: the kept instance must write it out where a fresh one does.
    int tight = input.length / 2;
    assertEquals(
        Outcome.of(() -> CanonicalJson.canonicalize(input, tight)).toString(),
        Outcome.of(() -> KEPT.canonicalize(input, tight)).toString());
    String why = "reference: " + reference + ", transcoder: " + transcoded;
    assertEquals(reference.error() == null, transcoded.error() == null, why);
    if (transcoded.error() != null) {
      assertTrue(TYPED.contains(transcoded.error()), why);
    }
    if (reference.bytes() != null) {
      assertArrayEquals(reference.bytes(), transcoded.bytes());
    }
  }

  private record Outcome(byte[] bytes, String error, String message) {
    static Outcome of(java.util.function.Supplier<byte[]> run) {
      try {
        return new Outcome(run.get(), null, null);
      } catch (RunpackException e) { // the decoder's refusal
        return new Outcome(null, e.code().name(), e.getMessage());
      } catch (JsonException e) { // the library's, as Runpack reports it
        return new Outcome(null, RunpackJson.code(e).name(), e.getMessage());
      }
    }

    @Override
    public String toString() {
      return error == null
          ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
          : error + " " + message;
    }
  }
}

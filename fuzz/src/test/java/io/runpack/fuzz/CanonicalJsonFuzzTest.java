package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.json.JsonLimits;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonException;
import io.runpack.json.JsonValue;
import java.util.Set;

/**
 * Fuzzes the JSON codec and the canonical writer with arbitrary bytes. Invariants: the only
 * failures are typed ones with the expected codes; canonical bytes parse back; canonicalizing
 * canonical bytes gives the same bytes (a fixed point).
 */
class CanonicalJsonFuzzTest {

  private static final JacksonJsonCodec CODEC =
      new JacksonJsonCodec(JsonLimits.DEFAULTS.withMaxDocumentBytes(1 << 16));
  private static final Set<ErrorCode> TYPED =
      Set.of(ErrorCode.INVALID_JSON, ErrorCode.LIMIT_EXCEEDED);

  @FuzzTest(maxDuration = "10m")
  void canonicalizeIsTypedAndAFixedPoint(byte[] input) {
    Bounded.run(() -> checkCanonicalizeIsTypedAndAFixedPoint(input));
  }

  private static void checkCanonicalizeIsTypedAndAFixedPoint(byte[] input) {
    JsonValue value;
    try {
      value = CODEC.decode(input);
    } catch (RunpackException e) {
      assertTrue(TYPED.contains(e.code()), e.code() + ": " + e.getMessage());
      return;
    }
    byte[] canonical;
    try {
      canonical = CanonicalJson.toBytes(value, 1 << 20);
    } catch (JsonException e) {
      assertTrue(e.error() != null && !e.getMessage().isEmpty(), e.getMessage());
      return;
    }
    byte[] again = CanonicalJson.toBytes(CODEC.decode(canonical));
    assertArrayEquals(canonical, again, "canonical(parse(canonical)) must be canonical");
  }
}

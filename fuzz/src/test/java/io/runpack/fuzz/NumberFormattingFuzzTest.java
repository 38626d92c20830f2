package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonException;
import io.runpack.json.JsonNumber;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;

/**
 * Differential fuzzing of number canonicalization (FORMAT §1 "Numbers": the lexeme reader, the
 * Schubfach shortest-double writer, the ECMAScript layout) against {@link ReferenceNumbers}, the
 * BigDecimal implementation it replaced: for any number lexeme, the canonical writer and the
 * one-pass canonicalizer give the reference's text, or the reference's error. Lexemes come three
 * ways: a double's bits written with 1 to 25 digits, the raw bytes as text, and digits and an
 * exponent built from the bytes.
 */
class NumberFormattingFuzzTest {

  static {
    // Load (and let Jazzer instrument) both implementations before the first input is timed.
    checkAgreement(new byte[] {0, 0x3f, (byte) 0xb9, (byte) 0x99, (byte) 0x99, 0, 0, 0, 1, 16});
    checkAgreement(new byte[] {2, 1, 0, 30, 7, 2, 7, 5, 6, 3, 6, 8, 0, 0, 3, 2, 8, 6, 8, 1, 2});
  }

  @FuzzTest(maxDuration = "10m")
  void numbersAgreeWithTheBigDecimalReference(byte[] input) {
    Bounded.run(() -> checkAgreement(input));
  }

  private static void checkAgreement(byte[] input) {
    String lexeme = lexeme(input);
    if (lexeme == null) {
      return;
    }
    try {
      JsonNumber.of(lexeme);
    } catch (JsonException e) {
      return; // not a JSON number: the grammar has its own tests
    }
    String expected = outcome(() -> ReferenceNumbers.canonical(lexeme));
    String written = outcome(() -> utf8(CanonicalJson.toBytes(JsonNumber.of(lexeme))));
    assertEquals(expected, written, lexeme);
    byte[] text = lexeme.getBytes(StandardCharsets.US_ASCII);
    String transcoded =
        outcome(() -> utf8(CanonicalJson.canonicalize(text, 1 << 10))).replace(" at byte 0", "");
    assertEquals(expected, transcoded, lexeme);
  }

  private static String lexeme(byte[] input) {
    if (input.length == 0) {
      return null;
    }
    int mode = (input[0] & 0xff) % 3;
    if (mode == 0 && input.length >= 10) {
      long bits = 0;
      for (int i = 1; i <= 8; i++) {
        bits = (bits << 8) | (input[i] & 0xff);
      }
      double value = Double.longBitsToDouble(bits);
      if (!Double.isFinite(value)) {
        return null;
      }
      int digits = 1 + (input[9] & 0xff) % 25;
      return new BigDecimal(value).round(new MathContext(digits)).toString();
    }
    if (mode == 1) {
      return new String(input, 1, input.length - 1, StandardCharsets.ISO_8859_1);
    }
    StringBuilder lexeme = new StringBuilder((input[0] & 0x80) != 0 ? "-" : "");
    int point = input.length > 1 ? (input[1] & 0xff) % 24 : 0;
    for (int i = 4; i < input.length; i++) {
      lexeme.append((char) ('0' + (input[i] & 0xff) % 10));
      if (i - 3 == point && i + 1 < input.length) {
        lexeme.append('.');
      }
    }
    if (lexeme.length() == 0 || lexeme.charAt(lexeme.length() - 1) == '-') {
      return null;
    }
    if (input.length > 3) {
      int exponent = (short) (((input[2] & 0xff) << 8) | (input[3] & 0xff)) % 400;
      lexeme.append('e').append(exponent);
    }
    return lexeme.toString();
  }

  private static String outcome(java.util.function.Supplier<String> run) {
    try {
      return run.get();
    } catch (JsonException e) {
      return e.error() + ": " + e.getMessage();
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

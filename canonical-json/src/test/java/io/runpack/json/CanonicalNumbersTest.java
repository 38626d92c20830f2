package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FORMAT §1 "Numbers": every rule and example, and the 64-bit and double edges. */
class CanonicalNumbersTest {

  private static String canonical(String lexeme) {
    return new String(CanonicalJson.toBytes(JsonNumber.of(lexeme)), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // FORMAT §1 examples
    "1.0, 1",
    "1E+2, 100",
    "1e21, 1e+21",
    "0.0000001, 1e-7",
    "18446744073709551616, 18446744073709552000",
    "5e-324, 5e-324",
    "9007199254740993.0, 9007199254740992",
    // exact 64-bit integers, even beyond 2^53
    "0, 0",
    "-0, 0",
    "18446744073709551615, 18446744073709551615",
    "9007199254740993, 9007199254740993",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808",
    "-9223372036854775809, -9223372036854776000",
    "-1, -1",
    "123456789012345678901234567890, 1.2345678901234568e+29",
    // zeros written as doubles
    "-0.0, 0",
    "0e10, 0",
    "-0E-5, 0",
    "1e-400, 0",
    // exponent boundaries: plain for 1e-6 <= |x| < 1e21
    "1e-7, 1e-7",
    "1e-6, 0.000001",
    "0.000001, 0.000001",
    "0.0000012, 0.0000012",
    "1.2e-7, 1.2e-7",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "1.5e21, 1.5e+21",
    "-1e21, -1e+21",
    "123e-20, 1.23e-18",
    "100e-2, 1",
    "1.5, 1.5",
    "0.1, 0.1",
    "-2.5E-3, -0.0025",
    "0.30000000000000004, 0.30000000000000004",
    // double range edges
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "-1.7976931348623157e308, -1.7976931348623157e+308",
    "4.9e-324, 5e-324",
    "-4.9e-324, -5e-324",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "2.225073858507201e-308, 2.225073858507201e-308",
  })
  void writesNumbersAsDecisionGateDoes(String lexeme, String expected) {
    assertEquals(expected, canonical(lexeme));
  }

  /** RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript serialization. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void matchesRfc8785NumberVectors(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertEquals(expected, CanonicalNumbers.ecmaScript(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1.8e308", "123456789e999"})
  void refusesNumbersThatOverflowADouble(String lexeme) {
    JsonException e = assertThrows(JsonException.class, () -> canonical(lexeme));
    assertEquals(JsonError.NUMBER_OUT_OF_RANGE, e.error());
    assertEquals("number " + lexeme + " overflows a double", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void refusesNanAndInfinity(double value) {
    JsonException e = assertThrows(JsonException.class, () -> CanonicalNumbers.ecmaScript(value));
    assertEquals(JsonError.NUMBER_OUT_OF_RANGE, e.error());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "01",
        "-01",
        "1.",
        ".5",
        "+1",
        "1e",
        "1e+",
        "NaN",
        "Infinity",
        "0x10",
        "1 ",
        "1_000"
      })
  void refusesLexemesOutsideTheJsonGrammar(String lexeme) {
    JsonException e = assertThrows(JsonException.class, () -> JsonNumber.of(lexeme));
    assertEquals(JsonError.INVALID_JSON, e.error());
  }

  @org.junit.jupiter.api.Test
  void refusesOverlongLexemes() {
    String lexeme = "1".repeat(JsonNumber.MAX_LEXEME_LENGTH + 1);
    JsonException e = assertThrows(JsonException.class, () -> JsonNumber.of(lexeme));
    assertEquals(JsonError.NUMBER_LENGTH_LIMIT, e.error());
  }

  @org.junit.jupiter.api.Test
  void everyOutputRoundTripsAndIsAFixedPoint() {
    java.util.Random random = new java.util.Random(8785);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = CanonicalNumbers.ecmaScript(value);
      assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(text), text);
      assertEquals(text, canonical(text), "canonical output must be canonical");
    }
  }

  /**
   * ECMA-262 Number::toString step 5, checked from its definition: no decimal with one digit fewer
   * reads back as the double, and when the nearest decimal with as many digits reads back, it is
   * the one written.
   */
  @org.junit.jupiter.api.Test
  void outputIsShortestAndNearest() {
    java.util.Random random = new java.util.Random(5324);
    for (int i = 0; i < 20_000; i++) {
      double value =
          i % 2 == 0
              ? Double.longBitsToDouble(random.nextLong())
              : Double.parseDouble(
                  "0."
                      + (1 + random.nextInt(9))
                      + String.format("%016d", random.nextLong() & Long.MAX_VALUE)
                          .substring(0, 16));
      if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
        continue;
      }
      java.math.BigDecimal exact = new java.math.BigDecimal(Math.abs(value));
      java.math.BigDecimal written =
          new java.math.BigDecimal(CanonicalNumbers.ecmaScript(Math.abs(value)));
      int digits = written.stripTrailingZeros().precision();
      if (digits > 1) {
        for (java.math.RoundingMode mode :
            new java.math.RoundingMode[] {
              java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING
            }) {
          java.math.BigDecimal shorter = exact.round(new java.math.MathContext(digits - 1, mode));
          assertTrue(
              Double.parseDouble(shorter.toString()) != Math.abs(value),
              value + " has a shorter form " + shorter);
        }
      }
      java.math.BigDecimal nearest =
          exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
      if (Double.parseDouble(nearest.toString()) == Math.abs(value)) {
        assertEquals(
            0,
            nearest.compareTo(written),
            value + ": nearest is " + nearest + ", written " + written);
      }
    }
  }
}

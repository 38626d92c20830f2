package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DecimalToDouble} gives the same double, bit for bit, as the JDK's correctly rounded
 * parser: on edge lexemes, on random decimals of every length and exponent, and on decimals that
 * lie exactly halfway between two doubles (round half to even).
 */
class DecimalToDoubleTest {

  private static void assertSameAsJdk(String lexeme) {
    byte[] bytes = lexeme.getBytes(StandardCharsets.US_ASCII);
    double expected = Double.parseDouble(lexeme);
    double actual = DecimalToDouble.parse(bytes, 0, bytes.length);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), lexeme);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "0.0",
        "-0.0e5",
        "1",
        "-1",
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.0",
        "18446744073709551615",
        "18446744073709551616",
        "9999999999999999999",
        "10000000000000000000000",
        "1e22",
        "1e23",
        "-1e23",
        "8.98846567431158e307",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "2.2250738585072014e-308",
        "2.2250738585072011e-308",
        "4.9e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-400",
        "0.1",
        "0.30000000000000004",
        "123456789012345678901234567890",
        "7.2057594037927933e16",
        "1.00000000000000011102230246251565404236316680908203125",
        "3.0540414E5",
        "0.000000000000000000000000000000000000000000001",
        "4503599627370496.5",
        "4503599627370497.5",
        "1152921504606847104",
        "1152921504606847105"
      })
  void edgeLexemesReadAsTheJdkReadsThem(String lexeme) {
    assertSameAsJdk(lexeme);
  }

  @Test
  void randomDecimalsReadAsTheJdkReadsThem() {
    Random random = new Random(1990);
    for (int i = 0; i < 300_000; i++) {
      int digits = 1 + random.nextInt(i % 3 == 0 ? 25 : 19);
      StringBuilder lexeme = new StringBuilder(random.nextBoolean() ? "-" : "");
      for (int d = 0; d < digits; d++) {
        lexeme.append((char) ('0' + random.nextInt(10)));
        if (d == 0 && lexeme.charAt(lexeme.length() - 1) == '0') {
          lexeme.append('.'); // a leading 0 starts a fraction
        } else if (d + 1 < digits && random.nextInt(digits) == 0 && lexeme.indexOf(".") < 0) {
          lexeme.append('.');
        }
      }
      if (lexeme.charAt(lexeme.length() - 1) == '.') {
        lexeme.append('5');
      }
      if (random.nextBoolean()) {
        lexeme.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(700) - 350);
      }
      assertSameAsJdk(lexeme.toString());
    }
  }

  @Test
  void randomDoublesWrittenInFullReadBack() {
    Random random = new Random(2021);
    for (int i = 0; i < 200_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(value)) {
        assertSameAsJdk(Double.toString(value));
        assertSameAsJdk(new BigDecimal(value).round(new java.math.MathContext(17)).toString());
      }
    }
  }

  /** Midpoints with at most 19 significant digits: large integers and short binary fractions. */
  @Test
  void exactMidpointsRoundHalfToEven() {
    Random random = new Random(754);
    for (int i = 0; i < 100_000; i++) {
      int binade = 50 + random.nextInt(14); // values in [2^50, 2^64)
      double value = Math.scalb(1 + random.nextDouble(), binade);
      BigDecimal midpoint =
          new BigDecimal(value).add(new BigDecimal(Math.ulp(value)).divide(BigDecimal.valueOf(2)));
      String lexeme = midpoint.toPlainString();
      assertSameAsJdk(lexeme);
      assertSameAsJdk(midpoint.toString().replace("E+", "e"));
    }
  }
}

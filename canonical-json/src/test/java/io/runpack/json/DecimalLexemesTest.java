package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one reading of a decimal lexeme ({@link CanonicalNumbers}: significand and exponent in one
 * walk, then the short-decimal layout, the fast nearest double or the JDK's parser) against the
 * plain definition (FORMAT §1 "Numbers"): the JDK's correctly rounded parse, written by the
 * node-checked shortest writer. Lexemes of every shape: 1 to 25 digits, leading and trailing zeros,
 * the point anywhere, exponents from −360 to 360, both signs, 19-digit significands above 2^63.
 */
class DecimalLexemesTest {

  @Test
  void everyShapeOfDecimalReadsAsTheJdkParsesIt() {
    Random random = new Random(2026_12_01L);
    for (int i = 0; i < 400_000; i++) {
      String lexeme = lexeme(random);
      assertEquals(expected(lexeme), written(lexeme), lexeme);
    }
  }

  /**
   * A decimal is left as it was written only when that is its canonical text, and then always but
   * at the ends of the range of doubles (where the short reading cannot decide): {@link
   * CanonicalNumbers#isCanonical} against the definition giving the lexeme back unchanged. Half the
   * lexemes are ECMAScript's own text of random doubles from 1e-41 to 1e40, so both answers come
   * often.
   */
  @Test
  void aDecimalIsLeftAsWrittenExactlyWhenThatIsItsCanonicalText() {
    Random random = new Random(2026_12_01L + 1);
    int left = 0;
    for (int i = 0; i < 400_000; i++) {
      String lexeme = i % 2 == 0 ? lexeme(random) : ecmaScriptDecimal(random);
      byte[] in = lexeme.getBytes(StandardCharsets.US_ASCII);
      JsonCursor cursor = new JsonCursor(in, new ByteOutput(64)) {};
      long parts = cursor.scanNumberParts(); // as the readers do: the parts the scan found
      assertEquals(in.length, cursor.pos, lexeme);
      boolean canonical = CanonicalNumbers.isCanonical(in, 0, in.length, parts);
      boolean unchanged = expected(lexeme).equals(lexeme);
      if (canonical) {
        assertTrue(unchanged, lexeme); // never left as written when that is not its canonical text
      }
      double magnitude = Math.abs(Double.parseDouble(lexeme));
      if (unchanged && magnitude > 1e-300 && magnitude < 1e300) {
        assertTrue(canonical, lexeme); // and always recognized, but at the ends of the range
      }
      left += canonical ? 1 : 0;
    }
    assertTrue(left > 100_000, left + " lexemes left as written");
  }

  /**
   * ECMAScript's text of a random double with a fraction or an exponent, sometimes changed so that
   * it is no longer canonical (a zero appended, a capital E, an exponent without its sign or with a
   * leading zero) or no longer shortest (a digit changed or appended), or {@code 0.} with four to
   * seven zeros before its digits, around the point where ECMAScript turns to exponents.
   */
  private static String ecmaScriptDecimal(Random random) {
    while (true) {
      double value = Math.pow(10, random.nextInt(80) - 40) * random.nextDouble();
      String text = CanonicalNumbers.ecmaScript(random.nextBoolean() ? value : -value);
      if (text.indexOf('.') < 0 && text.indexOf('e') < 0) {
        continue;
      }
      int e = text.indexOf('e');
      if (e >= 0) { // the ways JSON may write an exponent that ECMAScript does not
        switch (random.nextInt(6)) {
          case 0 -> text = text.replace('e', 'E');
          case 1 -> text = text.replace("e+", "e");
          case 2 -> text = text.substring(0, e + 2) + "0" + text.substring(e + 2);
          case 3 ->
              text =
                  text.substring(0, e) + (text.indexOf('.') < 0 ? ".0" : "0") + text.substring(e);
          default -> {}
        }
        return text;
      }
      return switch (random.nextInt(8)) {
        case 0 -> text + "0";
        case 3 -> (value < 0 ? "-0." : "0.") + "0".repeat(4 + random.nextInt(4)) + digits(random);
        case 1 -> text.substring(0, text.length() - 1) + (char) ('1' + random.nextInt(9));
        case 2 -> text + (char) ('1' + random.nextInt(9));
        default -> text;
      };
    }
  }

  /** One to 18 random digits, the first and the last not 0. */
  private static String digits(Random random) {
    StringBuilder b = new StringBuilder().append((char) ('1' + random.nextInt(9)));
    for (int k = random.nextInt(18); k > 0; k--) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.length() > 1 ? b.append((char) ('1' + random.nextInt(9))).toString() : b.toString();
  }

  @Test
  void edgesOfTheFastPaths() {
    for (String lexeme :
        new String[] {
          "9300000000000000000.0",
          "18446744073709551615.5",
          "9999999999999999999.0",
          "0.0000000000000000000000001",
          "123456789012345.0",
          "1234567890123456.0",
          "0.1e-323",
          "4.9406564584124654e-324",
          "2.4703282292062327e-324",
          "1.7976931348623158e308",
          "1.7976931348623159e308",
          "-0.0e5",
          "0.000001",
          "0.0000001",
          "1e21",
          "1.0e20",
          "100000000000000000000000.0",
          "9007199254740993.0",
          "0.30000000000000004",
          "1000000000000000000000000000001.0e-30"
        }) {
      assertEquals(expected(lexeme), written(lexeme), lexeme);
    }
  }

  private static String expected(String lexeme) {
    double value = Double.parseDouble(lexeme);
    if (Double.isInfinite(value)) {
      return "overflow";
    }
    return value == 0 ? "0" : CanonicalNumbers.ecmaScript(value);
  }

  private static String written(String lexeme) {
    byte[] in = lexeme.getBytes(StandardCharsets.US_ASCII);
    ByteOutput out = new ByteOutput(1 << 10);
    try {
      CanonicalNumbers.write(in, 0, in.length, false, out);
    } catch (JsonException e) {
      return e.error() == JsonError.NUMBER_OUT_OF_RANGE ? "overflow" : e.getMessage();
    }
    return new String(out.buffer(), 0, out.size(), StandardCharsets.US_ASCII);
  }

  private static String lexeme(Random random) {
    StringBuilder b = new StringBuilder();
    if (random.nextBoolean()) {
      b.append('-');
    }
    int digits = 1 + random.nextInt(25);
    int point = random.nextInt(digits + 1);
    int leadingZeros = random.nextInt(4) == 0 ? random.nextInt(8) : 0;
    int trailingZeros = random.nextInt(4) == 0 ? random.nextInt(8) : 0;
    StringBuilder all = new StringBuilder();
    for (int k = 0; k < leadingZeros; k++) {
      all.append('0');
    }
    all.append((char) ('1' + random.nextInt(9)));
    for (int k = 1; k < digits; k++) {
      all.append(random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
    }
    for (int k = 0; k < trailingZeros; k++) {
      all.append('0');
    }
    point = Math.min(point + leadingZeros, all.length());
    String integer = all.substring(0, point).replaceFirst("^0+", "");
    b.append(integer.isEmpty() ? "0" : integer);
    boolean fraction = point < all.length() || random.nextBoolean();
    if (fraction) {
      b.append('.').append(point < all.length() ? all.substring(point) : "0");
    }
    if (!fraction || random.nextBoolean()) {
      b.append(random.nextBoolean() ? 'e' : 'E');
      int exponent = random.nextInt(4) == 0 ? random.nextInt(721) - 360 : random.nextInt(41) - 20;
      b.append(exponent < 0 ? "-" : random.nextBoolean() ? "+" : "").append(Math.abs(exponent));
    }
    return b.toString();
  }
}

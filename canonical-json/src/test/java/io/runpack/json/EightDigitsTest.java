package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EightDigits}: the digit test and the value of eight digits, against the plain reading. */
class EightDigitsTest {

  @Test
  void valuesOfEightDigits() {
    Random random = new Random(8);
    for (int i = 0; i < 200_000; i++) {
      int value = i < 100 ? i * 1_010_101 % 100_000_000 : random.nextInt(100_000_000);
      byte[] text = String.format("%08d", value).getBytes(StandardCharsets.US_ASCII);
      long word = EightDigits.word(text, 0);
      assertTrue(EightDigits.all(word), new String(text, StandardCharsets.US_ASCII));
      assertEquals(value, EightDigits.value(word));
    }
    assertEquals(99_999_999, EightDigits.value(EightDigits.word(bytes("99999999"), 0)));
  }

  @Test
  void anyOtherByteIsNotADigit() {
    for (int position = 0; position < 8; position++) {
      for (int b = 0; b < 256; b++) {
        byte[] text = bytes("12345678");
        text[position] = (byte) b;
        assertEquals(b >= '0' && b <= '9', EightDigits.all(EightDigits.word(text, 0)), "byte " + b);
      }
    }
    assertFalse(EightDigits.all(EightDigits.word(bytes("1234.678"), 0)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}

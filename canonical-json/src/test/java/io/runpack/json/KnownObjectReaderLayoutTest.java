package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link KnownObjectReader}'s {@code value} is longer than HotSpot's C2 inlines at a hot call
 * ({@code -XX:FreqInlineSize}, 325 bytes of bytecode on x86-64 and AArch64), so that the recursion
 * value → object → value compiles as calls rather than as copies of itself: one record of a gate
 * evaluation log is read 7-8% faster so (docs/BENCHMARKS.md, issue #13). Nothing else would notice
 * an edit that shrinks it; this test does. Reads the method's length from the class file (JVMS §4).
 */
class KnownObjectReaderLayoutTest {

  /** C2's {@code FreqInlineSize} on x86-64 and AArch64 (JDK 17 to 25). */
  private static final int FREQ_INLINE_SIZE = 325;

  @Test
  void valueIsTooLongForTheJitToInlineIntoItsCallers() throws IOException {
    int length = bytecodeLength(KnownObjectReader.class, "value");
    assertTrue(
        length > FREQ_INLINE_SIZE,
        "KnownObjectReader.value is "
            + length
            + " bytes of bytecode: at most "
            + FREQ_INLINE_SIZE
            + ", C2 inlines it into object and array, and one record reads slower");
  }

  @Test
  void theLengthReadIsThatOfTheMethodNamed() throws IOException {
    assertTrue(bytecodeLength(KnownObjectReader.class, "nested") < 100);
    assertTrue(bytecodeLength(KnownObjectReader.class, "no such method") < 0);
  }

  /** Bytes of bytecode of the first method named {@code name} of {@code type}; -1 if none. */
  static int bytecodeLength(Class<?> type, String name) throws IOException {
    try (InputStream stream = type.getResourceAsStream(type.getSimpleName() + ".class");
        DataInputStream in = new DataInputStream(stream)) {
      in.skipNBytes(8); // magic, minor and major versions
      String[] utf8 = new String[in.readUnsignedShort()];
      for (int i = 1; i < utf8.length; i++) { // JVMS §4.4: each constant's tag and size
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 5, 6 -> {
            in.skipNBytes(8);
            i++; // a long or a double takes two entries
          }
          case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
          case 15 -> in.skipNBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          default -> throw new IOException("constant pool tag " + tag + " not known");
        }
      }
      in.skipNBytes(6); // access flags, this class, super class
      in.skipNBytes(2 * in.readUnsignedShort()); // interfaces
      for (int member = 0, fields = in.readUnsignedShort(); member < fields; member++) {
        in.skipNBytes(6);
        skipAttributes(in);
      }
      for (int member = 0, methods = in.readUnsignedShort(); member < methods; member++) {
        in.skipNBytes(2);
        String methodName = utf8[in.readUnsignedShort()];
        in.skipNBytes(2);
        for (int a = 0, attributes = in.readUnsignedShort(); a < attributes; a++) {
          String attribute = utf8[in.readUnsignedShort()];
          int length = in.readInt();
          if (methodName.equals(name) && attribute.equals("Code")) {
            in.skipNBytes(4); // max stack, max locals
            return in.readInt();
          }
          in.skipNBytes(length);
        }
      }
      return -1;
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    for (int a = 0, attributes = in.readUnsignedShort(); a < attributes; a++) {
      in.skipNBytes(2);
      in.skipNBytes(in.readInt());
    }
  }
}

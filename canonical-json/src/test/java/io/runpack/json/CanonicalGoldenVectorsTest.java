package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden vectors, compared byte for byte: each {@code golden/input/NAME.json} canonicalizes to
 * exactly {@code golden/output/NAME.json}, and canonicalizing that output again gives the same
 * bytes. The vectors: RFC 8785 Appendix B (IEEE-754 doubles and their ECMAScript {@code
 * Number::toString} form, written in the input in other forms), FORMAT §1 "Numbers" (integer
 * literals that fit 64 bits kept exactly, {@code -0} as {@code 0}, the format's examples), FORMAT
 * §1 "Strings" (the two-character escapes, six-character ones for the rest below U+0020, nothing
 * else escaped), FORMAT §1 member order (escaped UTF-8 key bytes followed by the closing quote:
 * U+E000 before an emoji, where RFC 8785's UTF-16 order is the other way) and RFC 8259 whitespace
 * and nesting.
 */
class CanonicalGoldenVectorsTest {

  private static final int LIMIT = 1 << 20;

  static List<String> vectors() throws IOException, URISyntaxException {
    try (Stream<Path> inputs = Files.list(golden("input"))) {
      return inputs.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyInputHasItsOutputAndThereAreFive() throws IOException, URISyntaxException {
    assertEquals(5, vectors().size(), vectors().toString());
    try (Stream<Path> outputs = Files.list(golden("output"))) {
      assertEquals(vectors(), outputs.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void theInputCanonicalizesToTheGoldenOutputByteForByte(String name)
      throws IOException, URISyntaxException {
    byte[] input = Files.readAllBytes(golden("input").resolve(name));
    byte[] expected = Files.readAllBytes(golden("output").resolve(name));
    byte[] actual = CanonicalJson.canonicalize(input, LIMIT);
    assertEquals(
        new String(expected, StandardCharsets.UTF_8),
        new String(actual, StandardCharsets.UTF_8),
        name);
    assertArrayEquals(expected, actual, name);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void theGoldenOutputIsAFixedPoint(String name) throws IOException, URISyntaxException {
    byte[] expected = Files.readAllBytes(golden("output").resolve(name));
    assertArrayEquals(expected, CanonicalJson.canonicalize(expected, LIMIT), name);
    assertArrayEquals(expected, new Canonicalizer().canonicalize(expected, LIMIT), name);
  }

  private static Path golden(String side) throws URISyntaxException {
    return Path.of(CanonicalGoldenVectorsTest.class.getResource("golden/" + side).toURI());
  }
}

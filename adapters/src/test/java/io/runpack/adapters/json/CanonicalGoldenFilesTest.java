package io.runpack.adapters.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for FORMAT §1: {@code canonical/input/X.json} parsed and written canonically gives
 * {@code canonical/output/X.json} byte for byte, and canonical bytes are a fixed point — also for
 * every file of Decision Gate's own runpacks.
 */
class CanonicalGoldenFilesTest {

  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();
  private static final Path CASES = Path.of("src/test/resources/canonical");

  static Stream<String> cases() {
    return Fixtures.readTree(CASES.resolve("input")).keySet().stream();
  }

  static Stream<Arguments> referenceFiles() {
    Stream<Path> runpacks =
        Stream.concat(
            Fixtures.LABELS.stream().map(Fixtures::golden), Stream.of(Fixtures.backcompat()));
    return runpacks.flatMap(
        dir ->
            Fixtures.readTree(dir).entrySet().stream()
                .map(e -> Arguments.of(dir.getFileName() + "/" + e.getKey(), e.getValue())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void canonicalizesInputToTheGoldenOutput(String name) {
    byte[] expected = Fixtures.read(CASES.resolve("output").resolve(name));
    byte[] actual =
        CanonicalJson.toBytes(CODEC.decode(Fixtures.read(CASES.resolve("input").resolve(name))));
    assertArrayEquals(
        expected, actual, () -> new String(actual, java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void canonicalOutputIsAFixedPoint(String name) {
    byte[] canonical = Fixtures.read(CASES.resolve("output").resolve(name));
    assertArrayEquals(canonical, CanonicalJson.toBytes(CODEC.decode(canonical)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceFiles")
  void decisionGateFilesAreAlreadyCanonical(String name, byte[] bytes) {
    assertArrayEquals(bytes, CanonicalJson.toBytes(CODEC.decode(bytes)), name);
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code runpack canonicalize}, run as a process, matches the canonical-JSON golden files. */
class CanonicalizeCommandIT {

  static final Path CASES =
      Path.of(System.getProperty("test.canonical.dir", "../adapters/src/test/resources/canonical"));

  @TempDir Path temp;

  static Stream<String> cases() {
    return Fixtures.readTree(CASES.resolve("input")).keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void canonicalizesAFileToTheGoldenBytes(String name) {
    CliProcess.Result result =
        CliProcess.run(
            temp, "canonicalize", CASES.resolve("input").resolve(name).toAbsolutePath().toString());

    assertEquals(0, result.exitCode(), result.stderr());
    assertArrayEquals(Fixtures.read(CASES.resolve("output").resolve(name)), result.stdout());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void canonicalizesStandardInputToTheGoldenBytes(String name) {
    CliProcess.Result result =
        CliProcess.run(temp, Fixtures.read(CASES.resolve("input").resolve(name)), "canonicalize");

    assertEquals(0, result.exitCode(), result.stderr());
    assertArrayEquals(Fixtures.read(CASES.resolve("output").resolve(name)), result.stdout());
  }
}

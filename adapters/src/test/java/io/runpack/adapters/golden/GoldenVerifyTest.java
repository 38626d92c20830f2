package io.runpack.adapters.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.VerificationReport;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decision Gate's own runpacks, golden and back-compatibility, verify here. */
class GoldenVerifyTest {

  static Stream<Path> referenceRunpacks() {
    return Stream.concat(
        Fixtures.LABELS.stream().map(Fixtures::golden), Stream.of(Fixtures.backcompat()));
  }

  @ParameterizedTest
  @MethodSource("referenceRunpacks")
  void referenceRunpackPassesWithEightCheckedFiles(Path runpack) {
    VerificationReport report = LocalRunpack.verify(runpack);

    assertEquals(List.of(), report.errors());
    assertEquals("pass", report.status());
    assertEquals(8, report.checkedFiles());
  }
}

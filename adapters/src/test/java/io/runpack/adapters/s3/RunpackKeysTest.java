package io.runpack.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.RunpackTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RunpackKeys#runNamedBy}: the run a prefix in the export's layout names, and only that. */
class RunpackKeysTest {

  static final String HEX = "ab".repeat(32);

  /** Namespace 2^64 - 1: ids are unsigned. */
  static final RunpackTarget RUN =
      new RunpackTarget(7, -1L, "s", "r", HashDigest.sha256(HEX), Optional.empty());

  @Test
  void thePrefixAnExportWritesNamesItsRunWithOrWithoutARoot() {
    for (Optional<String> root : List.of(Optional.<String>empty(), Optional.of("audit/eu"))) {
      String prefix = RunpackKeys.prefix(root, RUN);
      assertEquals(Optional.of(RUN), RunpackKeys.runNamedBy(prefix), prefix);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "archive/2026/",
        "tenant/7/namespace/1/scenario/s/run/r/spec/sha256/",
        "tenant/x/namespace/1/scenario/s/run/r/spec/sha256/" + "ab" + "/",
        "tenant/7/namespace/-1/scenario/s/run/r/spec/sha256/ab/",
        "tenant/7/namespaces/1/scenario/s/run/r/spec/sha256/ab/",
        "tenant/7/namespace/1/scenario/s/run/r/spec/sha512/ab/",
        "tenant/7/namespace/1/scenario/s/run/r/spec/sha256/ab/extra/"
      })
  void anyOtherPrefixNamesNoRun(String prefix) {
    assertEquals(Optional.empty(), RunpackKeys.runNamedBy(prefix));
  }
}

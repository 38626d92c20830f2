package io.runpack.adapters.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example under examples/, used by the README, exports and verifies as documented. */
class ExampleRunTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("test.examples.dir", "../examples"));

  @Test
  void exampleRunExportsAndVerifies(@TempDir Path temp) {
    LocalRunpack local = new LocalRunpack(EXAMPLES.resolve("runs"), ExportSettings.NONE);
    Path out = temp.resolve("out");

    ExportResult result =
        local.export(
            LocalRunpack.request(EXAMPLES.resolve("requests/release-2026-11-26.json"), out));

    assertEquals("pass", result.report().get().status());
    assertEquals(8, result.manifest().artifacts().size());
    assertEquals(List.of(), LocalRunpack.verify(out).errors());
    String gateEvals =
        new String(Fixtures.read(out.resolve("artifacts/gate_evals.json")), StandardCharsets.UTF_8);
    assertTrue(gateEvals.contains("\"coverage\":0.875,\"duration_ms\":421000,"), gateEvals);
    String submissions =
        new String(
            Fixtures.read(out.resolve("artifacts/submissions.json")), StandardCharsets.UTF_8);
    assertTrue(submissions.contains("no open incidents \u2714\""), submissions);
  }
}

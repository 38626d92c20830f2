package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.service.ExportSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The priming export on its own, outside Quarkus and without any AWS configuration: a complete,
 * verified export of the bundled example run (every log), into memory, the same every time.
 */
class PrimingExportTest {

  private final PrimingExport export =
      new PrimingExport(
          new JacksonJsonCodec(),
          new ExportRequestParser(),
          new ExportSettings(
              Optional.of(new SecurityContext(false, "dg_registry")), Optional.empty()));

  @Test
  void primingExportsTheExampleRunWithEveryLogAndVerifiesIt() {
    ExportResult result = export.run();

    assertEquals("release-2026-11-26", result.manifest().runId());
    assertEquals(Optional.of(PrimingExport.STORAGE_URI), result.storageUri());
    assertEquals("pass", result.report().orElseThrow().status());
    assertEquals(
        8,
        result.manifest().artifacts().size(),
        "the spec, the six logs and the verifier report: " + result.manifest().artifacts());
  }

  @Test
  void everyPrimingExportGivesTheSameManifest() {
    assertEquals(export.run().manifest().toJson(), export.run().manifest().toJson());
  }
}

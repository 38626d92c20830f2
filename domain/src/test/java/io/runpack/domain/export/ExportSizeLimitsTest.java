package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeRunStore;
import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.service.ExportSettings;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §2 "Limits": an artifact or manifest of 16 MiB (16,777,216 bytes) is exported; one byte
 * more is {@link ErrorCode#LIMIT_EXCEEDED}, naming the file, and nothing reaches storage.
 */
class ExportSizeLimitsTest {

  private static final int LIMIT = 16_777_216;
  private static final String OVER = "canonical JSON exceeds the limit of " + LIMIT + " bytes";

  private final FakeStorage storage = FakeStorage.local();

  /** A trigger log whose canonical bytes, {@code ["x…x"]}, are {@code size} bytes long. */
  private static LoadedRun runWithTriggerLogOf(int size) {
    return SmallRun.standard()
        .loadedWith(RunLog.TRIGGERS, List.of(new JsonString("x".repeat(size - 4))));
  }

  private ExportResult export(LoadedRun run, ExportSettings settings, boolean verify) {
    return Exports.service(new FakeRunStore().with(run), storage, settings)
        .export(SmallRun.request(verify));
  }

  private RunpackException refusal(LoadedRun run, ExportSettings settings) {
    RunpackException error =
        assertThrows(RunpackException.class, () -> export(run, settings, true));
    assertEquals(List.of(), storage.publications(), "storage was called");
    assertEquals(ErrorCode.LIMIT_EXCEEDED, error.code());
    return error;
  }

  @Test
  void anArtifactOfExactly16MiBIsExportedAndVerifies() {
    ExportResult result = export(runWithTriggerLogOf(LIMIT), ExportSettings.NONE, true);
    assertEquals(LIMIT, storage.files().get("artifacts/triggers.json").length);
    assertEquals(List.of(), result.report().orElseThrow().errors());
  }

  @Test
  void anArtifactOneByteOver16MiBIsRefused() {
    RunpackException error = refusal(runWithTriggerLogOf(LIMIT + 1), ExportSettings.NONE);
    assertEquals("artifacts/triggers.json: " + OVER, error.getMessage());
  }

  @Test
  void aScenarioSpecOver16MiBIsRefused() {
    LoadedRun run = SmallRun.standard().loaded();
    JsonObject spec =
        JsonObject.builder()
            .put("pad", "x".repeat(LIMIT))
            .put("scenario_id", SmallRun.SCENARIO)
            .build();
    RunpackException error = refusal(new LoadedRun(spec, run.state()), ExportSettings.NONE);
    assertEquals("artifacts/scenario_spec.json: " + OVER, error.getMessage());
  }

  @Test
  void aManifestOver16MiBIsRefused() {
    ExportSettings settings =
        new ExportSettings(
            Optional.of(new SecurityContext(false, "x".repeat(LIMIT))), Optional.empty());
    RunpackException error = refusal(SmallRun.standard().loaded(), settings);
    assertEquals("manifest.json: " + OVER, error.getMessage());
  }
}

package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeRunStore;
import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportSettings;
import io.runpack.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fail closed: an export that is refused (spec hash mismatch, unknown run, a stored run that is not
 * the requested one, run data with no canonical form, a manifest name that collides with an
 * artifact) fails with its typed error and never reaches storage.
 */
class FailedExportWritesNothingTest {

  private final FakeStorage storage = FakeStorage.local();

  private RunpackException refusal(FakeRunStore store, ExportRunpackCommand command) {
    RunpackException error =
        assertThrows(
            RunpackException.class,
            () -> Exports.service(store, storage, ExportSettings.NONE).export(command));
    assertEquals(List.of(), storage.publications(), "storage was called");
    return error;
  }

  private RunpackException refusal(SmallRun run, ExportRunpackCommand command) {
    return refusal(new FakeRunStore().with(run.loaded()), command);
  }

  private static ExportRunpackCommand request(String scenarioId, String runId, String manifest) {
    return new ExportRunpackCommand(
        SmallRun.TENANT,
        SmallRun.NAMESPACE,
        scenarioId,
        runId,
        SmallRun.GENERATED_AT,
        true,
        RunpackPath.of(manifest),
        Optional.empty());
  }

  @Test
  void specHashMismatchIsRefusedNamingBothHashes() {
    String recorded = Hashes.sha256("another spec");
    SmallRun run = SmallRun.standard().recordingSpecHash(recorded);
    RunpackException error = refusal(run, SmallRun.request(true));
    assertEquals(ErrorCode.SPEC_HASH_MISMATCH, error.code());
    assertEquals(
        "run state spec hash mismatch: the run state records "
            + recorded
            + ", the scenario spec hashes to "
            + run.specSha256(),
        error.getMessage());
  }

  @Test
  void anUnknownRunIsTheStoresRunNotFound() {
    RunpackException error =
        refusal(SmallRun.standard(), request(SmallRun.SCENARIO, "run-2", "manifest.json"));
    assertEquals(ErrorCode.RUN_NOT_FOUND, error.code());
    assertEquals("no run for tenant 1, namespace 2, run run-2", error.getMessage());
  }

  @Test
  void aRunOfAnotherScenarioIsNotFound() {
    RunpackException error =
        refusal(SmallRun.standard(), request("other", SmallRun.RUN, "manifest.json"));
    assertEquals(ErrorCode.RUN_NOT_FOUND, error.code());
    assertEquals(
        "no run tenant 1, namespace 2, run run-1 in scenario other"
            + " (that run belongs to scenario release)",
        error.getMessage());
  }

  @Test
  void aStoredStateOfAnotherRunIsInvalidRunData() {
    FakeRunStore store =
        new FakeRunStore()
            .with(
                new RunKey(SmallRun.TENANT, SmallRun.NAMESPACE, "run-2"),
                SmallRun.standard().loaded());
    RunpackException error = refusal(store, request(SmallRun.SCENARIO, "run-2", "manifest.json"));
    assertEquals(ErrorCode.INVALID_RUN_DATA, error.code());
    assertEquals(
        "stored run state is tenant 1, namespace 2, run run-1,"
            + " but tenant 1, namespace 2, run run-2 was requested",
        error.getMessage());
  }

  @Test
  void aSpecOfAnotherScenarioIsInvalidRunData() {
    SmallRun run =
        SmallRun.standard()
            .with(SmallRun.SPEC_PATH, "{\"scenario_id\":\"other\"}", "{\"scenario_id\":\"other\"}");
    RunpackException error = refusal(run, SmallRun.request(true));
    assertEquals(ErrorCode.INVALID_RUN_DATA, error.code());
    assertEquals(
        "scenario spec is for scenario other, but the run is in scenario release",
        error.getMessage());
  }

  @Test
  void aRecordWithNoCanonicalFormIsInvalidRunDataNamingTheArtifact() {
    LoadedRun broken =
        SmallRun.standard().loadedWith(RunLog.PACKETS, List.of(new JsonString("lone \uD800")));
    RunpackException error = refusal(new FakeRunStore().with(broken), SmallRun.request(true));
    assertEquals(ErrorCode.INVALID_RUN_DATA, error.code());
    assertEquals(
        "artifacts/packets.json: string contains a lone surrogate U+D800 at index 5",
        error.getMessage());
  }

  @Test
  void aManifestNameThatCollidesWithAnArtifactIsRefused() {
    for (String name :
        List.of(
            "artifacts/triggers.json",
            "artifacts",
            "artifacts/decisions.json/manifest.json",
            "artifacts/verifier_report.json")) {
      RunpackException error =
          refusal(SmallRun.standard(), request(SmallRun.SCENARIO, SmallRun.RUN, name));
      assertEquals(ErrorCode.INVALID_REQUEST, error.code(), name);
    }
    RunpackException error =
        refusal(
            SmallRun.standard(),
            request(SmallRun.SCENARIO, SmallRun.RUN, "artifacts/triggers.json"));
    assertEquals(
        "manifest_name artifacts/triggers.json collides with artifact artifacts/triggers.json",
        error.getMessage());
  }
}

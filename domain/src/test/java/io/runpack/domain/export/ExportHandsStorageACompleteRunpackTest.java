package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.service.ExportSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The publish port receives the whole runpack in one call, built and checked beforehand: every
 * artifact the manifest lists, in its order, and the manifest apart, so storage writes the
 * artifacts before the manifest and a visible manifest means a complete runpack. A storage failure
 * fails the export with storage's own error.
 */
class ExportHandsStorageACompleteRunpackTest {

  @Test
  void storageGetsEveryListedArtifactInOneCallAndTheManifestApart() {
    for (boolean includeVerification : new boolean[] {false, true}) {
      FakeStorage storage = FakeStorage.local();
      ExportResult result = Exports.export(SmallRun.standard(), storage, includeVerification);
      FakeStorage.Publication publication = storage.onlyPublication();
      List<String> listed = new ArrayList<>();
      result.manifest().integrity().fileHashes().forEach(entry -> listed.add(entry.path()));
      List<String> handed = publication.artifacts().stream().map(f -> f.path().value()).toList();
      assertEquals(listed, handed);
      assertEquals(includeVerification ? 8 : 7, handed.size());
      assertFalse(handed.contains(publication.manifest().path().value()));
      for (int i = 0; i < handed.size(); i++) {
        FileHash entry = result.manifest().integrity().fileHashes().get(i);
        RunpackFile file = publication.artifacts().get(i);
        assertEquals(entry.hash(), file.hash(), entry.path());
      }
    }
  }

  @Test
  void storageWritesTheManifestAfterEveryArtifact() {
    FakeStorage storage = FakeStorage.local();
    Exports.export(SmallRun.standard(), storage, true);
    List<String> writes = List.copyOf(storage.files().keySet());
    assertEquals(9, writes.size());
    assertEquals("manifest.json", writes.get(writes.size() - 1));
  }

  @Test
  void theTargetNamesTheRunAndItsSpecHash() {
    FakeStorage storage = FakeStorage.local();
    SmallRun run = SmallRun.standard();
    Exports.export(run, storage, false);
    assertEquals(
        new RunpackTarget(
            SmallRun.TENANT,
            SmallRun.NAMESPACE,
            SmallRun.SCENARIO,
            SmallRun.RUN,
            HashDigest.sha256(run.specSha256()),
            Optional.empty()),
        storage.onlyPublication().target());
  }

  @Test
  void theRequestsOutputDirectoryReachesStorage() {
    FakeStorage storage = FakeStorage.local();
    Exports.export(
        SmallRun.standard(),
        storage,
        ExportSettings.NONE,
        SmallRun.request(false).withOutputDir("out/run-1"));
    assertEquals(Optional.of("out/run-1"), storage.onlyPublication().target().outputDir());
  }

  @Test
  void aStorageFailureFailsTheExportWithStoragesOwnError() {
    RunpackException failure = new RunpackException(ErrorCode.STORAGE_ERROR, "disk full");
    FakeStorage storage = FakeStorage.local().failingWith(failure);
    RunpackException error =
        assertThrows(
            RunpackException.class, () -> Exports.export(SmallRun.standard(), storage, true));
    assertSame(failure, error);
    assertEquals(1, storage.publications().size());
    assertEquals(0, storage.files().size());
  }
}

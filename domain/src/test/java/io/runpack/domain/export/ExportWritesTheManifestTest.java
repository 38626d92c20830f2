package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportSettings;
import io.runpack.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §2.3-4: the manifest an export writes is, byte for byte, the one written out by hand from
 * the format: artifact records, file hashes in write order, the root hash over them, ids, spec
 * hash, and the security context and anchor policy only when the deployment configures them.
 */
class ExportWritesTheManifestTest {

  private static String manifestText(FakeStorage storage) {
    return new String(storage.onlyPublication().manifest().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void theManifestIsTheCanonicalOneTheFormatDescribes() {
    FakeStorage storage = FakeStorage.local();
    Exports.export(SmallRun.standard(), storage, false);
    assertEquals(SmallRun.standard().runpack().manifestText(), manifestText(storage));
    assertEquals("manifest.json", storage.onlyPublication().manifest().path().value());
  }

  @Test
  void theRootHashIsTheSha256OfTheCanonicalFileHashList() {
    SmallRun run = SmallRun.standard();
    ExportResult result = Exports.export(run, FakeStorage.local(), false);
    assertEquals(
        Hashes.sha256(run.runpack().fileHashesText()),
        result.manifest().integrity().rootHash().value());
  }

  @Test
  void theSpecHashIsTheSha256OfTheCanonicalSpec() {
    SmallRun run = SmallRun.standard();
    ExportResult result = Exports.export(run, FakeStorage.local(), false);
    assertEquals(
        Hashes.sha256(run.artifact(SmallRun.SPEC_PATH).canonical()),
        result.manifest().specHash().value());
  }

  @Test
  void securityAndAnchorPolicyAreRecordedWhenConfigured() {
    ExportSettings settings =
        new ExportSettings(
            Optional.of(new SecurityContext(true, "dg_registry")),
            Optional.of(
                new AnchorPolicy(
                    List.of(
                        new AnchorPolicy.Requirement(
                            "time", "trigger_time_logical", List.of("logical"))))));
    FakeStorage storage = FakeStorage.local();
    Exports.export(SmallRun.standard(), storage, settings, SmallRun.request(false));
    String expected =
        SmallRun.standard()
            .runpack()
            .security("{\"dev_permissive\":true,\"namespace_authority\":\"dg_registry\"}")
            .anchorPolicy(
                "{\"providers\":[{\"anchor_type\":\"trigger_time_logical\","
                    + "\"provider_id\":\"time\",\"required_fields\":[\"logical\"]}]}")
            .manifestText();
    assertEquals(expected, manifestText(storage));
  }

  @Test
  void anAnchorPolicyWithoutProvidersIsNotRecorded() {
    ExportSettings settings =
        new ExportSettings(Optional.empty(), Optional.of(new AnchorPolicy(List.of())));
    FakeStorage storage = FakeStorage.local();
    Exports.export(SmallRun.standard(), storage, settings, SmallRun.request(false));
    assertEquals(SmallRun.standard().runpack().manifestText(), manifestText(storage));
  }

  @Test
  void theManifestGoesUnderTheRequestedName() {
    ExportRunpackCommand request = SmallRun.request(false);
    ExportRunpackCommand named =
        new ExportRunpackCommand(
            request.tenantId(),
            request.namespaceId(),
            request.scenarioId(),
            request.runId(),
            request.generatedAt(),
            false,
            RunpackPath.of("audit/runpack.json"),
            Optional.empty());
    FakeStorage storage = FakeStorage.local();
    Exports.export(SmallRun.standard(), storage, ExportSettings.NONE, named);
    assertEquals("audit/runpack.json", storage.onlyPublication().manifest().path().value());
    assertEquals(SmallRun.standard().runpack().manifestText(), manifestText(storage));
  }

  @Test
  void theResultIsTheToolOutputWithTheStorageUriAndTheBytesWritten() {
    SmallRun run = SmallRun.standard();
    ExportResult result = Exports.export(run, FakeStorage.managed("s3://bucket/prefix/"), false);
    String manifest = run.runpack().manifestText();
    long bytes = Hashes.utf8(manifest).length;
    for (SmallRun.Artifact artifact : run.artifacts()) {
      bytes += artifact.bytes().length;
    }
    assertEquals(bytes, result.runpackBytes());
    assertEquals(Optional.of("s3://bucket/prefix/"), result.storageUri());
    assertEquals(
        "{\"manifest\":" + manifest + ",\"report\":null,\"storage_uri\":\"s3://bucket/prefix/\"}",
        new String(CanonicalJson.toBytes(result.toJson()), StandardCharsets.UTF_8));
  }
}

package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunStore;
import io.runpack.domain.fake.FakeSigner;
import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With a signer, the export signs the manifest's exact bytes and hands storage the detached
 * signature {@code <manifest_name>.sig} with the artifacts, before the manifest; every other file
 * is byte for byte the unsigned export's. Signing that fails, or a signer answer that is not a
 * valid signature, writes nothing.
 */
class ExportSignsTheManifestTest {

  private static ExportResult export(FakeStorage storage, SignManifestPort signer) {
    return export(storage, signer, SmallRun.request(true), new FakeRunStore());
  }

  private static ExportResult export(
      FakeStorage storage,
      SignManifestPort signer,
      ExportRunpackCommand command,
      FakeRunStore store) {
    return new ExportRunpackService(
            store.with(SmallRun.standard().loaded()),
            storage,
            new FakeJsonDecoder(),
            ExportSettings.NONE,
            Optional.ofNullable(signer))
        .export(command);
  }

  @Test
  void signedExportWritesTheUnsignedFilesAndTheSignatureBeforeTheManifest() {
    FakeStorage unsigned = FakeStorage.local();
    FakeStorage signed = FakeStorage.local();
    ExportResult plain = export(unsigned, null);
    ExportResult result = export(signed, FakeSigner.ed25519(7));

    Map<String, byte[]> expected = unsigned.files();
    List<String> writes = new ArrayList<>(signed.files().keySet());
    assertEquals("manifest.json.sig", writes.get(writes.size() - 2));
    assertEquals("manifest.json", writes.get(writes.size() - 1));
    writes.remove("manifest.json.sig");
    assertEquals(List.copyOf(expected.keySet()), writes);
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, signed.files().get(path), path));
    assertEquals(plain.manifest(), result.manifest());
    assertEquals(
        plain.runpackBytes() + signed.files().get("manifest.json.sig").length,
        result.runpackBytes());
  }

  @Test
  void signatureIsDecisionGatesDocumentOverTheManifestsExactBytes() {
    FakeStorage storage = FakeStorage.local();
    FakeSigner signer = FakeSigner.ed25519(7);
    export(storage, signer);

    byte[] manifest = storage.files().get("manifest.json");
    String expected =
        "{\"hash\":{\"algorithm\":\"sha256\",\"value\":\""
            + Hashes.sha256(manifest)
            + "\"},\"key_id\":\""
            + signer.keyId()
            + "\",\"scheme\":\"ed25519\",\"signature\":\""
            + Base64.getEncoder().encodeToString(signer.signatureOf(manifest))
            + "\"}";
    assertEquals(
        expected, new String(storage.files().get("manifest.json.sig"), StandardCharsets.UTF_8));
    assertEquals(1, signer.signed().size());
    assertArrayEquals(manifest, signer.signed().get(0));
  }

  @Test
  void signatureIsNamedAfterTheRequestsManifestName() {
    FakeStorage storage = FakeStorage.local();
    ExportRunpackCommand command =
        withManifestName(SmallRun.request(false), "audit/run-1.manifest.json");
    export(storage, FakeSigner.ed25519(7), command, new FakeRunStore());

    RunpackFile signature =
        storage.onlyPublication().artifacts().get(storage.onlyPublication().artifacts().size() - 1);
    assertEquals("audit/run-1.manifest.json.sig", signature.path().value());
  }

  @Test
  void sameKeyAndRunGiveTheSameSignatureBytes() {
    FakeStorage first = FakeStorage.local();
    FakeStorage second = FakeStorage.local();
    export(first, FakeSigner.ed25519(7));
    export(second, FakeSigner.ed25519(7));

    assertArrayEquals(
        first.files().get("manifest.json.sig"), second.files().get("manifest.json.sig"));
  }

  @Test
  void signingFailureFailsTheExportWithTheSignersErrorAndWritesNothing() {
    RunpackException failure = new RunpackException(ErrorCode.STORAGE_ERROR, "KMS unavailable");
    FakeStorage storage = FakeStorage.local();

    RunpackException error =
        assertThrows(
            RunpackException.class,
            () -> export(storage, FakeSigner.ed25519(7).failingWith(failure)));

    assertSame(failure, error);
    assertEquals(0, storage.publications().size());
  }

  @Test
  void signerAnswerThatDoesNotVerifyWithItsKeyIdIsRefusedAndWritesNothing() {
    FakeStorage storage = FakeStorage.local();
    FakeSigner liar = FakeSigner.ed25519(7).claiming(FakeSigner.ed25519(8).keyId());

    RunpackException error = assertThrows(RunpackException.class, () -> export(storage, liar));

    assertEquals(ErrorCode.INTERNAL_ERROR, error.code());
    assertTrue(
        error.getMessage().startsWith("the signer's answer cannot be a manifest signature:"),
        error.getMessage());
    assertEquals(0, storage.publications().size());
  }

  @Test
  void signerAnswerWithAGarbledKeyIdIsRefused() {
    FakeStorage storage = FakeStorage.local();

    RunpackException error =
        assertThrows(
            RunpackException.class,
            () -> export(storage, FakeSigner.ed25519(7).claiming("not a key")));

    assertEquals(ErrorCode.INTERNAL_ERROR, error.code());
    assertTrue(error.getMessage().contains("signature.key_id must be the base64"));
    assertEquals(0, storage.publications().size());
  }

  @Test
  void manifestNameWithNoRoomForItsSignatureIsRefusedBeforeTheRunIsLoaded() {
    FakeStorage storage = FakeStorage.local();
    FakeRunStore store = new FakeRunStore();
    ExportRunpackCommand command = withManifestName(SmallRun.request(false), "m".repeat(253));

    RunpackException error =
        assertThrows(
            RunpackException.class, () -> export(storage, FakeSigner.ed25519(7), command, store));

    assertEquals(ErrorCode.INVALID_REQUEST, error.code());
    assertTrue(
        error.getMessage().contains("leaves no room for its signature .sig"), error.getMessage());
    assertEquals(List.of(), store.requested());
    assertEquals(0, storage.publications().size());
  }

  @Test
  void ecdsaSignerKeyArnIsTheKeyId() {
    FakeStorage storage = FakeStorage.local();
    export(storage, FakeSigner.ecdsaP256());

    String document = new String(storage.files().get("manifest.json.sig"), StandardCharsets.UTF_8);
    assertTrue(
        document.contains(
            "\"key_id\":\"" + FakeSigner.KEY_ARN + "\",\"scheme\":\"ecdsa-p256-sha256\""),
        document);
  }

  private static ExportRunpackCommand withManifestName(ExportRunpackCommand c, String name) {
    return new ExportRunpackCommand(
        c.tenantId(),
        c.namespaceId(),
        c.scenarioId(),
        c.runId(),
        c.generatedAt(),
        c.includeVerification(),
        RunpackPath.of(name),
        c.outputDir());
  }
}

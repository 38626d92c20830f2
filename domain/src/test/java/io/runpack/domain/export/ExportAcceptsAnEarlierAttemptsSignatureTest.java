package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunStore;
import io.runpack.domain.fake.FakeSigner;
import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.model.SignatureScheme;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a signed export lets write-once storage keep where its signature goes, besides its own
 * bytes: an earlier attempt's signature of the same manifest by the same key (KMS's ECDSA
 * signatures, like the JDK's, differ from one signing to the next), strictly decoded, canonical,
 * same hash, key id and scheme, and verified by the signer. Anything else is refused; a signer that
 * cannot verify fails the export.
 */
class ExportAcceptsAnEarlierAttemptsSignatureTest {

  /** The check the export handed storage, and the manifest it signed. */
  private record Handed(StoredSignatureCheck check, byte[] manifest, byte[] signature) {}

  private static Handed export(SignManifestPort signer) {
    FakeStorage storage = FakeStorage.local();
    new ExportRunpackService(
            new FakeRunStore().with(SmallRun.standard().loaded()),
            storage,
            new FakeJsonDecoder(),
            ExportSettings.NONE,
            Optional.ofNullable(signer))
        .export(SmallRun.request(true));
    FakeStorage.Publication publication = storage.onlyPublication();
    return new Handed(
        publication.storedSignature(),
        publication.manifest().bytes(),
        storage.files().get("manifest.json.sig"));
  }

  private static byte[] document(
      byte[] manifest, SignatureScheme scheme, String keyId, byte[] signature) {
    return ManifestSignature.of(manifest, scheme, keyId, signature).toBytes();
  }

  @Test
  void anotherSignatureOfTheManifestByTheSameKeyStands() {
    FakeSigner signer = FakeSigner.ecdsaP256();
    Handed handed = export(signer);
    byte[] earlier =
        document(
            handed.manifest(),
            SignatureScheme.ECDSA_P256_SHA256,
            FakeSigner.KEY_ARN,
            signer.signatureOf(handed.manifest()));
    assertFalse(Arrays.equals(earlier, handed.signature()), "ECDSA signs differently each time");

    assertTrue(handed.check().accepts(earlier));
    assertArrayEquals(handed.manifest(), signer.verified().get(0), "verified over the manifest");
  }

  @Test
  void aSignatureByTheKeyOfOtherBytesIsRefused() {
    FakeSigner signer = FakeSigner.ecdsaP256();
    Handed handed = export(signer);
    byte[] other = "other bytes".getBytes(StandardCharsets.UTF_8);

    assertFalse(
        handed
            .check()
            .accepts(
                document(
                    handed.manifest(),
                    SignatureScheme.ECDSA_P256_SHA256,
                    FakeSigner.KEY_ARN,
                    signer.signatureOf(other))));
  }

  @Test
  void anotherKeysSignatureIsRefusedWhateverKeyIdItClaims() {
    FakeSigner signer = FakeSigner.ecdsaP256();
    Handed handed = export(signer);
    byte[] byAnotherKey = FakeSigner.ecdsaP256().signatureOf(handed.manifest());

    assertFalse(
        handed
            .check()
            .accepts(
                document(
                    handed.manifest(),
                    SignatureScheme.ECDSA_P256_SHA256,
                    FakeSigner.KEY_ARN,
                    byAnotherKey)));
    int asked = signer.verified().size();
    assertFalse(
        handed
            .check()
            .accepts(
                document(
                    handed.manifest(),
                    SignatureScheme.ECDSA_P256_SHA256,
                    FakeSigner.KEY_ARN.replace("1234abcd", "9999abcd"),
                    signer.signatureOf(handed.manifest()))));
    assertEquals(asked, signer.verified().size(), "another key id: the signer is not asked");
  }

  @Test
  void aSignatureOfAnotherManifestOrSchemeIsRefused() {
    FakeSigner signer = FakeSigner.ecdsaP256();
    Handed handed = export(signer);
    byte[] otherManifest = Arrays.copyOf(handed.manifest(), handed.manifest().length + 1);
    otherManifest[otherManifest.length - 1] = ' ';

    assertFalse(
        handed
            .check()
            .accepts(
                document(
                    otherManifest,
                    SignatureScheme.ECDSA_P256_SHA256,
                    FakeSigner.KEY_ARN,
                    signer.signatureOf(otherManifest))));
    FakeSigner ed25519 = FakeSigner.ed25519(7);
    assertFalse(
        handed
            .check()
            .accepts(
                document(
                    handed.manifest(),
                    SignatureScheme.ED25519,
                    ed25519.keyId(),
                    ed25519.signatureOf(handed.manifest()))));
    assertEquals(0, signer.verified().size());
  }

  @Test
  void aGarbledOrNonCanonicalDocumentIsRefused() {
    FakeSigner signer = FakeSigner.ecdsaP256();
    Handed handed = export(signer);
    String valid =
        new String(
            document(
                handed.manifest(),
                SignatureScheme.ECDSA_P256_SHA256,
                FakeSigner.KEY_ARN,
                signer.signatureOf(handed.manifest())),
            StandardCharsets.UTF_8);

    for (String stored :
        new String[] {
          "",
          "not json",
          "{}",
          valid.replace("{\"hash\"", "{ \"hash\""), // the right one, but not as Runpack writes it
          valid.substring(0, valid.length() - 1) + ",\"extra\":1}",
          valid + " ".repeat(9000),
        }) {
      assertFalse(handed.check().accepts(stored.getBytes(StandardCharsets.UTF_8)), stored);
    }
    assertEquals(0, signer.verified().size());
  }

  @Test
  void aSignerThatCannotVerifyFailsTheCheck() {
    RunpackException failure = new RunpackException(ErrorCode.STORAGE_ERROR, "KMS unavailable");
    FakeSigner signer = FakeSigner.ecdsaP256();
    Handed handed = export(signer);
    byte[] earlier =
        document(
            handed.manifest(),
            SignatureScheme.ECDSA_P256_SHA256,
            FakeSigner.KEY_ARN,
            signer.signatureOf(handed.manifest()));
    signer.verifyFailingWith(failure);

    assertSame(
        failure, assertThrows(RunpackException.class, () -> handed.check().accepts(earlier)));
  }

  @Test
  void anUnsignedExportAcceptsNothingButItsOwnBytes() {
    assertSame(StoredSignatureCheck.SAME_BYTES_ONLY, export(null).check());
    assertFalse(StoredSignatureCheck.SAME_BYTES_ONLY.accepts(new byte[0]));
  }
}

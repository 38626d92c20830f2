package io.runpack.domain.verify;

import static io.runpack.domain.verify.Signatures.SIG;
import static io.runpack.domain.verify.Signatures.keyOf;
import static io.runpack.domain.verify.Signatures.signedRunpack;
import static io.runpack.domain.verify.Signatures.verify;
import static io.runpack.domain.verify.Signatures.verifyWithoutKey;
import static io.runpack.domain.verify.Verifications.text;
import static io.runpack.domain.verify.Verifications.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.fake.FakeSigner;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.model.SignatureStatus.State;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.SignedVerification;
import io.runpack.json.CanonicalJson;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Verification with a trusted public key checks the detached manifest signature over the manifest's
 * exact bytes: a changed manifest byte, another key, a missing signature each add one error naming
 * the problem; Decision Gate's own checks are unchanged, and without a key the signature never
 * changes the verdict.
 */
class VerifierChecksTheManifestSignatureTest {

  static final FakeSigner SIGNER = FakeSigner.ed25519(7);

  @Test
  void signatureByTheTrustedKeyPassesAndIsValid() {
    SignedVerification result = verify(signedRunpack(SIGNER), keyOf(SIGNER));

    assertEquals(new VerificationReport(7, List.of()), result.report());
    assertEquals(State.VALID, result.signature().state());
    assertEquals(
        "signature valid: manifest.json.sig (ed25519 key " + SIGNER.keyId() + ")",
        result.signature().message());
  }

  @Test
  void changedManifestBytePassesDecisionGatesChecksButFailsTheSignature() {
    Map<String, byte[]> files = signedRunpack(SIGNER);
    String manifest = text(files.get("manifest.json"));
    String changed =
        manifest.replace(
            "\"kind\":\"logical\",\"value\":10}", "\"kind\":\"logical\",\"value\":11}");
    files.put("manifest.json", utf8(changed));

    SignedVerification plain = verifyWithoutKey(files);
    SignedVerification checked = verify(files, keyOf(SIGNER));

    assertEquals(new VerificationReport(7, List.of()), plain.report());
    assertEquals(State.OTHER_BYTES, plain.signature().state());
    String error =
        "signature over other bytes: manifest.json.sig signs sha256 "
            + Hashes.sha256(manifest)
            + ", manifest.json has sha256 "
            + Hashes.sha256(changed);
    assertEquals(new VerificationReport(7, List.of(error)), checked.report());
    assertEquals("fail", checked.report().status());
  }

  @Test
  void signatureByAnotherEd25519KeyFailsNamingBothKeys() {
    FakeSigner other = FakeSigner.ed25519(8);

    SignedVerification result = verify(signedRunpack(SIGNER), keyOf(other));

    assertEquals(State.OTHER_KEY, result.signature().state());
    assertEquals(
        List.of(
            "signature from another key: manifest.json.sig has key_id "
                + SIGNER.keyId()
                + ", the public key is "
                + other.keyId()),
        result.report().errors());
  }

  @Test
  void signatureOfAnotherSchemeThanTheKeyFails() {
    SignedVerification result = verify(signedRunpack(SIGNER), keyOf(FakeSigner.ecdsaP256()));

    assertEquals(
        List.of(
            "signature from another key: manifest.json.sig is ed25519, the public key is"
                + " ecdsa-p256-sha256"),
        result.report().errors());
  }

  @Test
  void missingSignatureFailsWithAKeyAndIsUnsignedWithout() {
    Map<String, byte[]> files = signedRunpack(SIGNER);
    files.remove(SIG);

    SignedVerification checked = verify(files, keyOf(SIGNER));
    SignedVerification plain = verifyWithoutKey(files);

    assertEquals(
        List.of("signature missing: manifest.json.sig: no such file"), checked.report().errors());
    assertEquals(State.UNSIGNED, plain.signature().state());
    assertEquals(Verifications.verify(files), plain.report());
  }

  @Test
  void alteredSignatureBytesDoNotVerify() {
    Map<String, byte[]> files = signedRunpack(SIGNER);
    String document = text(files.get(SIG));
    String signature =
        document.substring(document.indexOf("\"signature\":\"") + 13, document.length() - 2);
    byte[] bytes = Base64.getDecoder().decode(signature);
    bytes[10] ^= 1;
    files.put(SIG, utf8(document.replace(signature, Base64.getEncoder().encodeToString(bytes))));

    SignedVerification result = verify(files, keyOf(SIGNER));

    assertEquals(State.BAD_SIGNATURE, result.signature().state());
    assertEquals(
        List.of(
            "signature does not verify: manifest.json.sig is not the public key's signature of"
                + " the manifest (another key, or altered)"),
        result.report().errors());
  }

  @Test
  void ecdsaSignatureOfAKmsKeyVerifiesWithItsPublicKeyOnly() {
    FakeSigner kms = FakeSigner.ecdsaP256();
    Map<String, byte[]> files = signedRunpack(kms, "ecdsa-p256-sha256");

    SignedVerification valid = verify(files, keyOf(kms));
    SignedVerification other = verify(files, keyOf(FakeSigner.ecdsaP256()));

    assertEquals(State.VALID, valid.signature().state());
    assertEquals(Optional.of(FakeSigner.KEY_ARN), valid.signature().keyId());
    assertEquals(State.BAD_SIGNATURE, other.signature().state());
    assertEquals("fail", other.report().status());
  }

  @Test
  void withoutAKeyAWellFormedSignatureIsReportedUnchecked() {
    SignedVerification result = verifyWithoutKey(signedRunpack(SIGNER));

    assertEquals(new VerificationReport(7, List.of()), result.report());
    assertEquals(
        "{\"checked_files\":7,\"errors\":[],\"signature\":{\"key_id\":\""
            + SIGNER.keyId()
            + "\",\"message\":\"signature not checked: manifest.json.sig (ed25519, key_id "
            + SIGNER.keyId()
            + "): no public key given\",\"scheme\":\"ed25519\",\"status\":\"unchecked\"},"
            + "\"status\":\"pass\"}",
        text(CanonicalJson.toBytes(result.toJson())));
  }

  @Test
  void unreadableSignatureIsReportedWithItsReason() {
    FakeRunpackReader reader =
        new FakeRunpackReader(signedRunpack(SIGNER))
            .failing(SIG, new RunpackException(ErrorCode.STORAGE_ERROR, "I/O error"));

    SignedVerification result = verify(reader, Optional.of(keyOf(SIGNER)));

    assertEquals(
        List.of("signature read failed for manifest.json.sig: I/O error"),
        result.report().errors());
    assertEquals(State.UNREADABLE, result.signature().state());
  }

  @Test
  void manifestIsReadOnceAndTheSignatureWithinItsLimit() {
    FakeRunpackReader reader = new FakeRunpackReader(signedRunpack(SIGNER));

    verify(reader, Optional.of(keyOf(SIGNER)));

    assertEquals(1, reader.pathsRead().stream().filter("manifest.json"::equals).count());
    assertEquals(
        List.of(new FakeRunpackReader.Read(SIG, 8192)),
        reader.reads().stream().filter(r -> r.path().equals(SIG)).toList());
  }
}

package io.runpack.domain.verify;

import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.fake.FakeSigner;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.port.in.SignedVerification;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifySignedRunpackService;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Signed runpacks for verifier tests: {@link SmallRun}'s, with a signature document by hand. */
final class Signatures {

  static final String SIG = "manifest.json.sig";

  private Signatures() {}

  /** The signature document of {@code manifest} by {@code signer}, written out by hand. */
  static String document(FakeSigner signer, byte[] manifest, String scheme) {
    return "{\"hash\":{\"algorithm\":\"sha256\",\"value\":\""
        + Hashes.sha256(manifest)
        + "\"},\"key_id\":\""
        + signer.keyId()
        + "\",\"scheme\":\""
        + scheme
        + "\",\"signature\":\""
        + Base64.getEncoder().encodeToString(signer.signatureOf(manifest))
        + "\"}";
  }

  /** SmallRun's runpack with its manifest signed by {@code signer} (Ed25519). */
  static Map<String, byte[]> signedRunpack(FakeSigner signer) {
    return signedRunpack(signer, "ed25519");
  }

  /** SmallRun's runpack with its manifest signed by {@code signer} in {@code scheme}. */
  static Map<String, byte[]> signedRunpack(FakeSigner signer, String scheme) {
    Map<String, byte[]> files = SmallRun.standard().runpack().files();
    files.put(SIG, Hashes.utf8(document(signer, files.get("manifest.json"), scheme)));
    return files;
  }

  static VerificationKey keyOf(FakeSigner signer) {
    return VerificationKey.fromSpki(signer.publicKeySpki());
  }

  static SignedVerification verify(FakeRunpackReader reader, Optional<VerificationKey> key) {
    return new VerifySignedRunpackService(new FakeJsonDecoder())
        .verify(new VerifyRunpackCommand(reader, RunpackPath.of("manifest.json")), key);
  }

  static SignedVerification verify(Map<String, byte[]> files, VerificationKey key) {
    return verify(new FakeRunpackReader(files), Optional.of(key));
  }

  static SignedVerification verifyWithoutKey(Map<String, byte[]> files) {
    return verify(new FakeRunpackReader(files), Optional.empty());
  }
}

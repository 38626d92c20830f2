package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import io.runpack.domain.port.out.SignManifestPort;
import java.util.Arrays;
import java.util.Optional;

/**
 * Makes the detached signature file of a manifest with a signer: the document the domain defines,
 * over the manifest's exact bytes, as canonical JSON. A signer whose answer is unusable is refused
 * before anything is written; an Ed25519 signature must verify with the key its key_id names. Also
 * decides which signature already stored may stand for a new one ({@link #storedSignatureCheck}).
 */
final class ManifestSigning {

  private ManifestSigning() {}

  /** Where the signature of {@code manifestName} goes; a name with no room for it is refused. */
  static RunpackPath signaturePath(RunpackPath manifestName) {
    try {
      return ManifestSignature.pathFor(manifestName);
    } catch (RunpackException e) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "manifest_name "
              + manifestName
              + " leaves no room for its signature "
              + ManifestSignature.SUFFIX
              + ": "
              + e.getMessage(),
          e);
    }
  }

  static RunpackFile sign(SignManifestPort signer, RunpackPath manifestName, byte[] manifestBytes) {
    return file(manifestName, signature(signer, manifestName, manifestBytes));
  }

  /** The signature file of {@code manifestName} holding {@code signature}. */
  static RunpackFile file(RunpackPath manifestName, ManifestSignature signature) {
    return RunpackFile.of(signaturePath(manifestName).value(), signature.toBytes());
  }

  /** The signer's signature of {@code manifestBytes}, refused if unusable. */
  static ManifestSignature signature(
      SignManifestPort signer, RunpackPath manifestName, byte[] manifestBytes) {
    SignManifestPort.Signed signed = signer.sign(manifestBytes.clone());
    ManifestSignature signature;
    try {
      signature =
          ManifestSignature.of(manifestBytes, signed.scheme(), signed.keyId(), signed.signature());
    } catch (RunpackException e) {
      throw unusable(e.getMessage());
    }
    if (signature.namedPublicKey().isPresent()) {
      VerificationKey key = VerificationKey.ed25519(signature.namedPublicKey().get());
      SignatureStatus status =
          SignatureChecker.judge(
              "signature", manifestName.value(), manifestBytes, signature, Optional.of(key));
      if (!status.valid()) {
        throw unusable(status.message());
      }
    }
    return signature;
  }

  /**
   * What may stand where {@code made} goes, besides its own bytes: another signature of the same
   * manifest by the same key, as an earlier attempt of the export stored it (KMS's ECDSA signatures
   * differ from one signing to the next). That is a signature document exactly as Runpack writes it
   * (strictly decoded, canonical, at most {@link Limits#MAX_SIGNATURE_BYTES}) with {@code made}'s
   * hash (the manifest's SHA-256), key id and scheme, whose signature the signer verifies over the
   * manifest's exact bytes. Anything else is refused; a signer that cannot answer fails.
   */
  static StoredSignatureCheck storedSignatureCheck(
      SignManifestPort signer, JsonDecoder decoder, byte[] manifestBytes, ManifestSignature made) {
    byte[] manifest = manifestBytes.clone();
    return stored -> {
      if (stored.length > Limits.MAX_SIGNATURE_BYTES) {
        return false;
      }
      ManifestSignature found;
      try {
        found = ManifestSignature.fromJson(decoder.decode(stored.clone()));
      } catch (RunpackException e) {
        return false; // not JSON, not a signature document
      }
      return Arrays.equals(found.toBytes(), stored)
          && found.hash().equals(made.hash())
          && found.keyId().equals(made.keyId())
          && found.scheme() == made.scheme()
          && signer.verifies(manifest.clone(), found.signatureBytes());
    };
  }

  private static RunpackException unusable(String why) {
    return new RunpackException(
        ErrorCode.INTERNAL_ERROR, "the signer's answer cannot be a manifest signature: " + why);
  }
}

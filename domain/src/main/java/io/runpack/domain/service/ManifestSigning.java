package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.port.out.SignManifestPort;
import java.util.Optional;

/**
 * Makes the detached signature file of a manifest with a signer: the document the domain defines,
 * over the manifest's exact bytes, as canonical JSON. A signer whose answer is unusable is refused
 * before anything is written; an Ed25519 signature must verify with the key its key_id names.
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
    return RunpackFile.of(signaturePath(manifestName).value(), signature.toBytes());
  }

  private static RunpackException unusable(String why) {
    return new RunpackException(
        ErrorCode.INTERNAL_ERROR, "the signer's answer cannot be a manifest signature: " + why);
  }
}

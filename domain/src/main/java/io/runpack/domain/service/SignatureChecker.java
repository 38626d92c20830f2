package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.RunpackReader;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks at a runpack's detached manifest signature ({@code <manifest>.sig}) and says what it is
 * worth: read (at most {@link Limits#MAX_SIGNATURE_BYTES}), decoded strictly, then, with a trusted
 * key, checked in this order: same scheme, same key id (Ed25519), a digest equal to the manifest's,
 * a signature that verifies over the manifest's exact bytes. Never throws for a bad signature:
 * every outcome is a {@link SignatureStatus}.
 */
public final class SignatureChecker {

  private final JsonDecoder decoder;

  public SignatureChecker(JsonDecoder decoder) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
  }

  /**
   * The status of the signature of {@code manifestName}, reading the manifest from {@code source}
   * too. A manifest that cannot be read fails as verification does: {@link
   * ErrorCode#INVALID_MANIFEST}, or {@link ErrorCode#STORAGE_ERROR} for storage that fails.
   */
  public SignatureStatus status(
      RunpackReader source, RunpackPath manifestName, Optional<VerificationKey> key) {
    byte[] manifest;
    try {
      manifest = source.read(manifestName.value(), Limits.MAX_ARTIFACT_BYTES);
    } catch (RunpackException e) {
      ErrorCode code =
          e.code() == ErrorCode.STORAGE_ERROR
              ? ErrorCode.STORAGE_ERROR
              : ErrorCode.INVALID_MANIFEST;
      throw new RunpackException(
          code, "cannot read manifest " + manifestName + ": " + e.getMessage(), e);
    }
    return check(source, manifestName, manifest, key);
  }

  /** The status of the signature of the manifest {@code manifestName} whose bytes are given. */
  public SignatureStatus check(
      RunpackReader source,
      RunpackPath manifestName,
      byte[] manifestBytes,
      Optional<VerificationKey> key) {
    String path = manifestName.value() + ManifestSignature.SUFFIX;
    byte[] bytes;
    try {
      bytes =
          source.read(ManifestSignature.pathFor(manifestName).value(), Limits.MAX_SIGNATURE_BYTES);
    } catch (RunpackException e) {
      return e.code() == ErrorCode.FILE_NOT_FOUND
          ? SignatureStatus.unsigned(path)
          : SignatureStatus.unreadable(path, e.getMessage());
    }
    ManifestSignature signature;
    try {
      signature = ManifestSignature.fromJson(decoder.decode(bytes));
    } catch (RunpackException e) {
      return SignatureStatus.garbled(path, e.getMessage());
    }
    return judge(path, manifestName.value(), manifestBytes, signature, key);
  }

  static SignatureStatus judge(
      String path,
      String manifestName,
      byte[] manifestBytes,
      ManifestSignature signature,
      Optional<VerificationKey> trusted) {
    HashDigest actual = Sha256.of(manifestBytes);
    if (trusted.isEmpty()) {
      return signature.hash().equals(actual)
          ? SignatureStatus.unchecked(path, signature)
          : SignatureStatus.otherBytes(path, signature, manifestName, actual);
    }
    VerificationKey key = trusted.get();
    if (signature.scheme() != key.scheme()) {
      return SignatureStatus.otherScheme(path, signature, key);
    }
    if (key.keyId().isPresent() && !key.keyId().get().equals(signature.keyId())) {
      return SignatureStatus.otherKeyId(path, signature, key);
    }
    if (!signature.hash().equals(actual)) {
      return SignatureStatus.otherBytes(path, signature, manifestName, actual);
    }
    if (!key.verifies(manifestBytes, signature.signatureBytes())) {
      return SignatureStatus.badSignature(path, signature);
    }
    return SignatureStatus.valid(path, signature, key);
  }
}

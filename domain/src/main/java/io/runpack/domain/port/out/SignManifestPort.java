package io.runpack.domain.port.out;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.model.SignatureScheme;
import java.util.Objects;

/**
 * Signs a manifest's exact bytes with a key the adapter holds (a key file, a KMS key). The domain
 * decides what is signed and writes the signature document; the adapter only signs.
 *
 * <p>Contract: the signature is over exactly {@code manifestBytes} (for ECDSA P-256: of their
 * SHA-256), in the scheme the result names, made by the key that {@code keyId} names (Ed25519: the
 * base64 of the 32-byte public key; KMS: the key ARN). A signing service that fails is {@link
 * ErrorCode#STORAGE_ERROR} (callers may retry); nothing is signed partially.
 */
public interface SignManifestPort {

  Signed sign(byte[] manifestBytes);

  /** What the signer made: the scheme, the key's id and the raw signature (DER for ECDSA). */
  record Signed(SignatureScheme scheme, String keyId, byte[] signature) {
    public Signed {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(signature, "signature");
    }
  }
}

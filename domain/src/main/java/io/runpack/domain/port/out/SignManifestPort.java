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
 *
 * <p>{@link #verifies} answers for the same key: KMS's ECDSA signatures differ from one signing to
 * the next, so a retried export asks it whether a signature an earlier attempt stored may stand.
 */
public interface SignManifestPort {

  Signed sign(byte[] manifestBytes);

  /**
   * True if {@code signature} (raw, as {@link Signed#signature} gives it: DER for ECDSA) is a
   * signature of exactly {@code manifestBytes} by this signer's key, in its scheme; false for any
   * other bytes, malformed ones included. A verifying service that fails is {@link
   * ErrorCode#STORAGE_ERROR}, as for {@link #sign}: an unanswered question is never a no.
   */
  boolean verifies(byte[] manifestBytes, byte[] signature);

  /** What the signer made: the scheme, the key's id and the raw signature (DER for ECDSA). */
  record Signed(SignatureScheme scheme, String keyId, byte[] signature) {
    public Signed {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(signature, "signature");
    }
  }
}

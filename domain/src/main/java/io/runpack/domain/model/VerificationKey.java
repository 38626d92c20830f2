package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A public key trusted to have signed a runpack's manifest: an Ed25519 key or an ECDSA P-256 key
 * (an AWS KMS key's public key), checked with the JDK's own providers, no I/O.
 *
 * <p>Invariants: the key is one of the two kinds, of its scheme; for Ed25519 its key id is the
 * base64 of the 32-byte key, as Decision Gate's {@code key_id}. An ECDSA key has no key id of its
 * own (a KMS signature's key_id is the key's ARN, not derived from the key).
 */
public final class VerificationKey {

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private final SignatureScheme scheme;
  private final PublicKey key;
  private final Optional<String> keyId;

  private VerificationKey(SignatureScheme scheme, PublicKey key, Optional<String> keyId) {
    this.scheme = scheme;
    this.key = key;
    this.keyId = keyId;
  }

  /** An Ed25519 public key from its 32 bytes (Decision Gate's form, base64 in key_id). */
  public static VerificationKey ed25519(byte[] raw) {
    if (raw.length != 32) {
      throw invalid("an Ed25519 public key is 32 bytes, not " + raw.length);
    }
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    return fromSpki(spki);
  }

  /**
   * A public key from its DER SubjectPublicKeyInfo (the body of a {@code PUBLIC KEY} PEM, or what
   * KMS GetPublicKey returns): Ed25519 or ECDSA P-256, anything else is {@link
   * ErrorCode#INVALID_REQUEST}.
   */
  public static VerificationKey fromSpki(byte[] der) {
    boolean ed25519 =
        der.length == ED25519_SPKI_PREFIX.length + 32
            && Arrays.equals(ED25519_SPKI_PREFIX, Arrays.copyOf(der, ED25519_SPKI_PREFIX.length));
    try {
      if (ed25519) {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(spec(der));
        byte[] raw = Arrays.copyOfRange(der, ED25519_SPKI_PREFIX.length, der.length);
        return new VerificationKey(
            SignatureScheme.ED25519, key, Optional.of(Base64.getEncoder().encodeToString(raw)));
      }
      PublicKey key = KeyFactory.getInstance("EC").generatePublic(spec(der));
      if (key instanceof ECPublicKey ec && isP256(ec.getParams())) {
        return new VerificationKey(SignatureScheme.ECDSA_P256_SHA256, key, Optional.empty());
      }
      throw invalid("an EC public key on another curve than P-256");
    } catch (GeneralSecurityException e) {
      throw invalid("not an Ed25519 or ECDSA P-256 public key");
    }
  }

  public SignatureScheme scheme() {
    return scheme;
  }

  /** For Ed25519, the base64 of the key (a signature's key_id); empty for ECDSA. */
  public Optional<String> keyId() {
    return keyId;
  }

  /** Whether {@code signature} is this key's signature of exactly {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(scheme.jdkAlgorithm());
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException malformed) {
      return false; // a signature that cannot even be decoded does not verify
    }
  }

  /** How the key is named in messages: {@code ed25519 key <key id>} or {@code ecdsa-p256 key}. */
  public String describe() {
    return keyId.map(id -> scheme.wireName() + " key " + id).orElse(scheme.wireName() + " key");
  }

  private static X509EncodedKeySpec spec(byte[] der) {
    return new X509EncodedKeySpec(der);
  }

  private static boolean isP256(ECParameterSpec params) throws GeneralSecurityException {
    AlgorithmParameters named = AlgorithmParameters.getInstance("EC");
    named.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec p256 = named.getParameterSpec(ECParameterSpec.class);
    return p256.getCurve().equals(params.getCurve())
        && p256.getOrder().equals(params.getOrder())
        && p256.getGenerator().equals(params.getGenerator())
        && p256.getCofactor() == params.getCofactor();
  }

  private static RunpackException invalid(String why) {
    return new RunpackException(ErrorCode.INVALID_REQUEST, "public key: " + why);
  }
}

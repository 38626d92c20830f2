package io.runpack.adapters.signing;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads key files: an Ed25519 private key as PKCS#8 PEM (what {@code openssl genpkey -algorithm
 * ed25519} writes) or as Decision Gate's form, the 32-byte seed (raw, or base64 text); a public key
 * as SPKI PEM (Ed25519 or ECDSA P-256, e.g. from KMS GetPublicKey) or an Ed25519 key's 32 bytes
 * (raw or base64). Anything else is {@code invalid_request} naming the file; key bytes are never
 * printed.
 */
public final class Ed25519Keys {

  /** The DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it. */
  static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  private Ed25519Keys() {}

  /** The 32-byte seed of the private key in {@code bytes} (the contents of {@code name}). */
  public static byte[] privateSeed(byte[] bytes, String name) {
    String what = "signing key " + name;
    Optional<byte[]> der = Pem.decode(bytes, Pem.PRIVATE_KEY, what);
    if (der.isPresent()) {
      try {
        EdECPrivateKey key =
            (EdECPrivateKey)
                KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(der.get()));
        return key.getBytes().orElseThrow(() -> Pem.invalid(what + ": no key bytes"));
      } catch (GeneralSecurityException | ClassCastException e) {
        throw Pem.invalid(what + ": not an Ed25519 private key (PKCS#8)");
      }
    }
    return raw32(bytes)
        .orElseThrow(
            () ->
                Pem.invalid(
                    what
                        + ": not an Ed25519 private key (PKCS#8 PEM, or a 32-byte seed raw or"
                        + " base64)"));
  }

  /** The public key in {@code bytes} (the contents of {@code name}). */
  public static VerificationKey publicKey(byte[] bytes, String name) {
    String what = "public key " + name;
    Optional<byte[]> der = Pem.decode(bytes, Pem.PUBLIC_KEY, what);
    try {
      if (der.isPresent()) {
        return VerificationKey.fromSpki(der.get());
      }
      return VerificationKey.ed25519(
          raw32(bytes)
              .orElseThrow(
                  () ->
                      Pem.invalid(
                          what
                              + ": not a public key (SPKI PEM, or an Ed25519 key's 32 bytes raw"
                              + " or base64)")));
    } catch (RunpackException e) {
      throw e.getMessage().startsWith(what) ? e : Pem.invalid(what + ": " + e.getMessage());
    }
  }

  /** The PKCS#8 DER of the private key with this seed. */
  static byte[] pkcs8(byte[] seed) {
    byte[] der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
    System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, 32);
    return der;
  }

  /** 32 raw bytes, or the base64 text (surrounding whitespace ignored) of 32 bytes. */
  private static Optional<byte[]> raw32(byte[] bytes) {
    if (bytes.length == 32) {
      return Optional.of(bytes.clone());
    }
    String text = new String(bytes, StandardCharsets.US_ASCII).strip();
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      return decoded.length == 32 ? Optional.of(decoded) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

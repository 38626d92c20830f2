package io.runpack.adapters.signing;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.SignatureScheme;
import io.runpack.domain.port.out.SignManifestPort;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs manifests with an Ed25519 key held in memory (from a key file), with the JDK's Ed25519 (RFC
 * 8032: deterministic, so the same key and manifest give the same signature). The key id is the
 * base64 of the 32-byte public key, as Decision Gate writes it.
 */
public final class Ed25519Signer implements SignManifestPort {

  private static final int SPKI_PREFIX_BYTES = 12;

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final byte[] publicKeySpki;
  private final String keyId;

  private Ed25519Signer(KeyPair keys) {
    this.privateKey = keys.getPrivate();
    this.publicKey = keys.getPublic();
    this.publicKeySpki = keys.getPublic().getEncoded();
    this.keyId =
        Base64.getEncoder()
            .encodeToString(Arrays.copyOfRange(publicKeySpki, SPKI_PREFIX_BYTES, 44));
  }

  /** The signer of the private key with this 32-byte seed. */
  public static Ed25519Signer fromSeed(byte[] seed) {
    if (seed.length != 32) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST, "an Ed25519 seed is 32 bytes, not " + seed.length);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      KeyPair keys = generator.generateKeyPair();
      // The JDK's generator takes the private key from the random source; make sure it did.
      PrivateKey expected =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Ed25519Keys.pkcs8(seed)));
      byte[] made = ((EdECPrivateKey) keys.getPrivate()).getBytes().orElseThrow();
      if (!Arrays.equals(made, ((EdECPrivateKey) expected).getBytes().orElseThrow())) {
        throw new IllegalStateException("the JDK did not derive the key from its seed");
      }
      return new Ed25519Signer(keys);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new RunpackException(
          ErrorCode.INTERNAL_ERROR, "cannot make an Ed25519 key: " + e.getMessage(), e);
    }
  }

  /** The signer of a fresh random key (keygen). */
  public static Ed25519Signer generate() {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    return fromSeed(seed);
  }

  public String keyId() {
    return keyId;
  }

  /** The private key as PKCS#8 PEM, as {@code openssl genpkey -algorithm ed25519} writes it. */
  public byte[] privateKeyPem() {
    byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElseThrow();
    return Pem.encode(Pem.PRIVATE_KEY, Ed25519Keys.pkcs8(seed));
  }

  /** The public key as SPKI PEM, as {@code openssl pkey -pubout} writes it. */
  public byte[] publicKeyPem() {
    return Pem.encode(Pem.PUBLIC_KEY, publicKeySpki);
  }

  @Override
  public Signed sign(byte[] manifestBytes) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(manifestBytes);
      return new Signed(SignatureScheme.ED25519, keyId, signature.sign());
    } catch (GeneralSecurityException e) {
      throw new RunpackException(
          ErrorCode.INTERNAL_ERROR, "Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  /** Verifies with the public key of this signer's key, locally (as any verifier would). */
  @Override
  public boolean verifies(byte[] manifestBytes, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(manifestBytes);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false; // not an Ed25519 signature at all
    } catch (GeneralSecurityException e) {
      throw new RunpackException(
          ErrorCode.INTERNAL_ERROR, "Ed25519 verification failed: " + e.getMessage(), e);
    }
  }

  /** A random source that yields the seed: how the JDK's generator is handed a given key. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("asked for " + bytes.length + " random bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}

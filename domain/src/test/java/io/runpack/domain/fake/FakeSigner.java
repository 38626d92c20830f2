package io.runpack.domain.fake;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.SignatureScheme;
import io.runpack.domain.port.out.SignManifestPort;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The {@link SignManifestPort} port with JDK keys made in the test: Ed25519 from a fixed seed (the
 * key id is the base64 of its public key), or a fresh ECDSA P-256 key named like a KMS key ARN.
 * Records what it was asked to sign and to verify; can fail, or claim another key id than its own.
 */
public final class FakeSigner implements SignManifestPort {

  /** The ARN the ECDSA signer names as its key id. */
  public static final String KEY_ARN =
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private final SignatureScheme scheme;
  private final KeyPair keys;
  private final List<byte[]> signed = new ArrayList<>();
  private final List<byte[]> verified = new ArrayList<>();
  private String claimedKeyId;
  private RunpackException failure;
  private RunpackException verifyFailure;

  private FakeSigner(SignatureScheme scheme, KeyPair keys) {
    this.scheme = scheme;
    this.keys = keys;
  }

  /** The Ed25519 key whose 32-byte seed is {@code seedByte} repeated. */
  public static FakeSigner ed25519(int seedByte) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) seedByte);
    SecureRandom fixed =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
          }
        };
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, fixed);
      return new FakeSigner(SignatureScheme.ED25519, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A fresh ECDSA P-256 key, as a KMS key would sign. */
  public static FakeSigner ecdsaP256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new FakeSigner(SignatureScheme.ECDSA_P256_SHA256, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Every later call fails with {@code error}. */
  public FakeSigner failingWith(RunpackException error) {
    this.failure = error;
    return this;
  }

  /** Every later verification fails with {@code error}. */
  public FakeSigner verifyFailingWith(RunpackException error) {
    this.verifyFailure = error;
    return this;
  }

  /** Every later signature names {@code keyId} instead of this key's own. */
  public FakeSigner claiming(String keyId) {
    this.claimedKeyId = keyId;
    return this;
  }

  /** The key id it writes: the public key's base64 (Ed25519) or {@link #KEY_ARN}. */
  public String keyId() {
    if (scheme == SignatureScheme.ECDSA_P256_SHA256) {
      return KEY_ARN;
    }
    byte[] spki = keys.getPublic().getEncoded();
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, 12, 44));
  }

  /** The public key's DER SubjectPublicKeyInfo. */
  public byte[] publicKeySpki() {
    return keys.getPublic().getEncoded();
  }

  /** The signature of {@code message} by this key, straight from the JDK. */
  public byte[] signatureOf(byte[] message) {
    try {
      Signature signature = Signature.getInstance(scheme.jdkAlgorithm());
      signature.initSign(keys.getPrivate());
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public Signed sign(byte[] manifestBytes) {
    signed.add(manifestBytes.clone());
    if (failure != null) {
      throw failure;
    }
    return new Signed(
        scheme, claimedKeyId == null ? keyId() : claimedKeyId, signatureOf(manifestBytes));
  }

  @Override
  public boolean verifies(byte[] manifestBytes, byte[] signature) {
    verified.add(manifestBytes.clone());
    if (verifyFailure != null) {
      throw verifyFailure;
    }
    try {
      Signature verifier = Signature.getInstance(scheme.jdkAlgorithm());
      verifier.initVerify(keys.getPublic());
      verifier.update(manifestBytes);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false; // malformed
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The messages it was asked to verify a signature of, in order. */
  public List<byte[]> verified() {
    return List.copyOf(verified);
  }

  /** The messages it was asked to sign, in order. */
  public List<byte[]> signed() {
    return List.copyOf(signed);
  }
}

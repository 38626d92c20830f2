package io.runpack.domain.model;

import java.util.Optional;

/**
 * The schemes of a detached manifest signature (the {@code scheme} of a {@code .sig} document):
 * Ed25519 (RFC 8032, deterministic; Decision Gate's scheme) and ECDSA over P-256 with SHA-256 (what
 * AWS KMS keys of spec {@code ECC_NIST_P256} sign with {@code ECDSA_SHA_256}, DER-encoded). Each
 * names its JDK signature algorithm and the sizes its signatures can have.
 */
public enum SignatureScheme {
  ED25519("ed25519", "Ed25519", 64, 64),
  ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSA", 8, 72);

  private final String wireName;
  private final String jdkAlgorithm;
  private final int minSignatureBytes;
  private final int maxSignatureBytes;

  SignatureScheme(String wireName, String jdkAlgorithm, int minBytes, int maxBytes) {
    this.wireName = wireName;
    this.jdkAlgorithm = jdkAlgorithm;
    this.minSignatureBytes = minBytes;
    this.maxSignatureBytes = maxBytes;
  }

  /** The name in a {@code .sig} document, e.g. {@code ed25519}. */
  public String wireName() {
    return wireName;
  }

  /** The JDK {@link java.security.Signature} algorithm that verifies this scheme. */
  public String jdkAlgorithm() {
    return jdkAlgorithm;
  }

  /** Whether a signature of {@code length} bytes can be one of this scheme. */
  public boolean fitsSignatureLength(int length) {
    return length >= minSignatureBytes && length <= maxSignatureBytes;
  }

  /** What signatures of this scheme look like, for messages. */
  public String signatureShape() {
    return minSignatureBytes == maxSignatureBytes
        ? minSignatureBytes + " bytes"
        : minSignatureBytes + " to " + maxSignatureBytes + " bytes (DER)";
  }

  public static Optional<SignatureScheme> fromWireName(String name) {
    for (SignatureScheme scheme : values()) {
      if (scheme.wireName.equals(name)) {
        return Optional.of(scheme);
      }
    }
    return Optional.empty();
  }
}

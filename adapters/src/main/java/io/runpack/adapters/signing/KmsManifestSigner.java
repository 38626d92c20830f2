package io.runpack.adapters.signing;

import io.runpack.adapters.SdkMessages;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.SignatureScheme;
import io.runpack.domain.port.out.SignManifestPort;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/**
 * Signs manifests with an asymmetric AWS KMS key (key spec {@code ECC_NIST_P256}, algorithm {@code
 * ECDSA_SHA_256}): the private key never leaves KMS. KMS returns a DER signature and the key's ARN,
 * which becomes the key id. A manifest up to {@value #MAX_RAW_MESSAGE_BYTES} bytes is sent as is
 * ({@code RAW}, KMS hashes it); a larger one as its SHA-256 ({@code DIGEST}): both give an ECDSA
 * signature of SHA-256(manifest), which {@code SHA256withECDSA} and openssl verify.
 *
 * <p>Any KMS failure (throttling, access denied, a disabled key, the network) is {@link
 * ErrorCode#STORAGE_ERROR}, which the export's callers retry; no signature is made partially. KMS's
 * ECDSA signatures are randomized (each Sign gives other bytes), so a retried export asks {@link
 * #verifies} (KMS {@code Verify}, {@code kms:Verify} on the key) whether an earlier attempt's
 * stored signature may stand.
 */
public final class KmsManifestSigner implements SignManifestPort {

  /** The largest message KMS signs as {@code RAW}. */
  static final int MAX_RAW_MESSAGE_BYTES = 4096;

  private final KmsClient kms;
  private final String keyId;

  /**
   * @param keyId the key's id, ARN or alias
   */
  public KmsManifestSigner(KmsClient kms, String keyId) {
    this.kms = Objects.requireNonNull(kms, "kms");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
  }

  @Override
  public Signed sign(byte[] manifestBytes) {
    SignResponse response;
    try {
      response =
          kms.sign(
              b ->
                  b.keyId(keyId)
                      .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                      .messageType(messageType(manifestBytes))
                      .message(message(manifestBytes)));
    } catch (SdkException e) {
      throw failed("Sign", e);
    }
    if (response.signingAlgorithm() != SigningAlgorithmSpec.ECDSA_SHA_256
        || response.keyId() == null
        || response.signature() == null) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "KMS Sign with key " + RunpackPath.printable(keyId) + " gave an incomplete answer");
    }
    return new Signed(
        SignatureScheme.ECDSA_P256_SHA256, response.keyId(), response.signature().asByteArray());
  }

  /**
   * Asks KMS ({@code Verify}, with the same key and the same {@code RAW}/{@code DIGEST} rule as
   * {@link #sign}) whether {@code signature} is the key's signature of {@code manifestBytes}. KMS
   * answers an invalid signature with {@code KMSInvalidSignatureException} (some implementations
   * with {@code SignatureValid: false}): both are false. Any other KMS failure is {@link
   * ErrorCode#STORAGE_ERROR}, as a failed Sign is.
   */
  @Override
  public boolean verifies(byte[] manifestBytes, byte[] signature) {
    VerifyResponse response;
    try {
      response =
          kms.verify(
              b ->
                  b.keyId(keyId)
                      .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                      .messageType(messageType(manifestBytes))
                      .message(message(manifestBytes))
                      .signature(SdkBytes.fromByteArray(signature)));
    } catch (KmsInvalidSignatureException e) {
      return false;
    } catch (SdkException e) {
      throw failed("Verify", e);
    }
    return Boolean.TRUE.equals(response.signatureValid());
  }

  /** {@code RAW} up to {@link #MAX_RAW_MESSAGE_BYTES} (KMS hashes it), else {@code DIGEST}. */
  private static MessageType messageType(byte[] manifestBytes) {
    return manifestBytes.length <= MAX_RAW_MESSAGE_BYTES ? MessageType.RAW : MessageType.DIGEST;
  }

  /** What is sent for {@link #messageType}: the manifest itself, or its SHA-256. */
  private static SdkBytes message(byte[] manifestBytes) {
    return SdkBytes.fromByteArray(
        messageType(manifestBytes) == MessageType.RAW ? manifestBytes : sha256(manifestBytes));
  }

  /** A KMS {@code operation} that failed: a storage error, which the export's callers retry. */
  private RunpackException failed(String operation, SdkException e) {
    return new RunpackException(
        ErrorCode.STORAGE_ERROR,
        "KMS "
            + operation
            + " with key "
            + RunpackPath.printable(keyId)
            + " failed: "
            + RunpackPath.printable(SdkMessages.of(e)),
        e);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

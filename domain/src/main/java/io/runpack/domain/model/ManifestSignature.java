package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A detached manifest signature, the {@code <manifest_name>.sig} beside a signed runpack's
 * manifest, in Decision Gate's signature shape, written as canonical JSON: {@code
 * {"hash":{"algorithm":"sha256","value":HEX},"key_id":…,"scheme":…,"signature":BASE64}}. The
 * signature is over the manifest's exact bytes; {@code hash} is their SHA-256. The file is not
 * listed in the manifest, so a signed runpack's other files are exactly an unsigned one's.
 *
 * <p>Invariants: the hash is a SHA-256 digest (64 lowercase hex digits); {@code key_id} is not
 * empty, at most {@value #MAX_KEY_ID_CHARS} characters, and for {@code ed25519} the canonical
 * base64 of a 32-byte public key (as Decision Gate writes it; for KMS keys, the key ARN); {@code
 * signature} is canonical base64 of a signature of a length the scheme allows.
 */
public record ManifestSignature(
    HashDigest hash, String keyId, SignatureScheme scheme, String signature) {

  /** What is appended to the manifest's name to name its signature. */
  public static final String SUFFIX = ".sig";

  /** The longest key_id (an AWS key ARN is at most 2,048 characters). */
  public static final int MAX_KEY_ID_CHARS = 2048;

  private static final Set<String> MEMBERS = Set.of("hash", "key_id", "scheme", "signature");

  public ManifestSignature {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(signature, "signature");
    String problem = problemWith(hash, keyId, scheme, signature);
    if (problem != null) {
      throw new RunpackException(ErrorCode.INVALID_MANIFEST, problem);
    }
  }

  /** The signature of {@code manifestBytes}: their digest, the signer's key id and signature. */
  public static ManifestSignature of(
      byte[] manifestBytes, SignatureScheme scheme, String keyId, byte[] signature) {
    return new ManifestSignature(
        Sha256.of(manifestBytes), keyId, scheme, Base64.getEncoder().encodeToString(signature));
  }

  /** Where the signature of the manifest {@code manifestName} is kept. */
  public static RunpackPath pathFor(RunpackPath manifestName) {
    return RunpackPath.of(manifestName.value() + SUFFIX);
  }

  public byte[] signatureBytes() {
    return Base64.getDecoder().decode(signature);
  }

  /** For {@code ed25519}, the public key that key_id names; empty for other schemes. */
  public Optional<byte[]> namedPublicKey() {
    return scheme == SignatureScheme.ED25519
        ? Optional.of(Base64.getDecoder().decode(keyId))
        : Optional.empty();
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("hash", hash.toJson())
        .put("key_id", keyId)
        .put("scheme", scheme.wireName())
        .put("signature", signature)
        .build();
  }

  /** The canonical bytes, as the file holds them. */
  public byte[] toBytes() {
    return RunpackJson.toBytes(toJson());
  }

  /**
   * Decodes a signature document strictly (every member, nothing else, exact types, the invariants
   * above); a defect is {@link ErrorCode#INVALID_MANIFEST} with a message naming it.
   */
  public static ManifestSignature fromJson(JsonValue json) {
    ErrorCode code = ErrorCode.INVALID_MANIFEST;
    JsonFields fields = JsonFields.of(json, "signature", code).onlyKeys(MEMBERS);
    HashDigest hash = HashDigest.fromJson(fields.value("hash"), "signature.hash", code);
    String keyId = fields.string("key_id");
    String schemeName = fields.string("scheme");
    SignatureScheme scheme =
        SignatureScheme.fromWireName(schemeName)
            .orElseThrow(
                () ->
                    fields.fail(
                        "signature.scheme \""
                            + RunpackPath.printable(schemeName)
                            + "\" is not ed25519 or ecdsa-p256-sha256"));
    return new ManifestSignature(hash, keyId, scheme, fields.string("signature"));
  }

  private static String problemWith(
      HashDigest hash, String keyId, SignatureScheme scheme, String signature) {
    if (!HashDigest.SHA256.equals(hash.algorithm()) || !hash.value().matches("[0-9a-f]{64}")) {
      return "signature.hash must be a SHA-256 digest (64 lowercase hex digits)";
    }
    if (keyId.isEmpty() || keyId.length() > MAX_KEY_ID_CHARS) {
      return "signature.key_id must be 1 to " + MAX_KEY_ID_CHARS + " characters";
    }
    if (scheme == SignatureScheme.ED25519) {
      byte[] key = canonicalBase64(keyId);
      if (key == null || key.length != 32) {
        return "signature.key_id must be the base64 of a 32-byte Ed25519 public key";
      }
    }
    byte[] bytes = canonicalBase64(signature);
    if (bytes == null || !scheme.fitsSignatureLength(bytes.length)) {
      return "signature.signature must be the base64 of an "
          + scheme.wireName()
          + " signature ("
          + scheme.signatureShape()
          + ")";
    }
    return null;
  }

  /** The bytes of standard, padded base64 that is written exactly as it would be encoded. */
  private static byte[] canonicalBase64(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package io.runpack.domain.model;

import io.runpack.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * What a runpack's detached manifest signature says, for verify, report and anything else that
 * shows it: the {@link State}, a one-line message (the report's error line when a public key was
 * given and the state is not {@link State#VALID}), and the scheme and key id the signature names
 * when it could be read.
 *
 * <p>Only {@link State#VALID} means the manifest's every byte is what the trusted key signed. A
 * status found without a key ({@link State#UNCHECKED} at best) never changes a verification's
 * verdict.
 */
public record SignatureStatus(
    State state, String message, Optional<SignatureScheme> scheme, Optional<String> keyId) {

  /** The kinds of outcome, each with its stable wire name. */
  public enum State {
    /** Signed, and the signature verifies with the trusted public key over the manifest's bytes. */
    VALID("valid"),
    /** Signed over the manifest's bytes as they are now; not checked against a key (none given). */
    UNCHECKED("unchecked"),
    /** No signature file: an unsigned runpack. */
    UNSIGNED("unsigned"),
    /** The signature file exists but could not be read (storage, size limit). */
    UNREADABLE("unreadable"),
    /** The signature file is not a signature document. */
    GARBLED("garbled"),
    /** Made with another key (another scheme, or another key id) than the trusted one. */
    OTHER_KEY("other_key"),
    /** Made over other bytes than the manifest's: the manifest changed after signing. */
    OTHER_BYTES("other_bytes"),
    /** Names this manifest's digest but does not verify with the trusted key. */
    BAD_SIGNATURE("bad_signature");

    private final String wireName;

    State(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public SignatureStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(keyId, "keyId");
  }

  /** No {@code path}: the runpack is unsigned. */
  public static SignatureStatus unsigned(String path) {
    return bare(State.UNSIGNED, "signature missing: " + path + ": no such file");
  }

  public static SignatureStatus unreadable(String path, String reason) {
    return bare(State.UNREADABLE, "signature read failed for " + path + ": " + reason);
  }

  public static SignatureStatus garbled(String path, String reason) {
    return bare(State.GARBLED, "signature invalid: " + path + ": " + reason);
  }

  /** The signature is of another scheme than the trusted key. */
  public static SignatureStatus otherScheme(
      String path, ManifestSignature signature, VerificationKey key) {
    return named(
        State.OTHER_KEY,
        "signature from another key: "
            + path
            + " is "
            + signature.scheme().wireName()
            + ", the public key is "
            + key.scheme().wireName(),
        signature);
  }

  /** The signature names another key id than the trusted key's. */
  public static SignatureStatus otherKeyId(
      String path, ManifestSignature signature, VerificationKey key) {
    return named(
        State.OTHER_KEY,
        "signature from another key: "
            + path
            + " has key_id "
            + RunpackPath.printable(signature.keyId())
            + ", the public key is "
            + key.keyId().orElse("?"),
        signature);
  }

  /** The signature's digest is not the manifest's: the manifest changed after signing. */
  public static SignatureStatus otherBytes(
      String path, ManifestSignature signature, String manifest, HashDigest actual) {
    return named(
        State.OTHER_BYTES,
        "signature over other bytes: "
            + path
            + " signs sha256 "
            + signature.hash().value()
            + ", "
            + manifest
            + " has sha256 "
            + actual.value(),
        signature);
  }

  public static SignatureStatus badSignature(String path, ManifestSignature signature) {
    return named(
        State.BAD_SIGNATURE,
        "signature does not verify: "
            + path
            + " is not the public key's signature of the manifest (another key, or altered)",
        signature);
  }

  public static SignatureStatus valid(
      String path, ManifestSignature signature, VerificationKey key) {
    return named(State.VALID, "signature valid: " + path + " (" + key.describe() + ")", signature);
  }

  /** Well-formed and over the manifest's bytes, but no key was given to check it against. */
  public static SignatureStatus unchecked(String path, ManifestSignature signature) {
    return named(
        State.UNCHECKED,
        "signature not checked: "
            + path
            + " ("
            + signature.scheme().wireName()
            + ", key_id "
            + RunpackPath.printable(signature.keyId())
            + "): no public key given",
        signature);
  }

  private static SignatureStatus bare(State state, String message) {
    return new SignatureStatus(state, message, Optional.empty(), Optional.empty());
  }

  private static SignatureStatus named(State state, String message, ManifestSignature signature) {
    return new SignatureStatus(
        state, message, Optional.of(signature.scheme()), Optional.of(signature.keyId()));
  }

  public boolean valid() {
    return state == State.VALID;
  }

  /**
   * {@code {"key_id":…,"message":…,"scheme":…,"status":…}}; key id and scheme only when the
   * signature could be read.
   */
  public JsonObject toJson() {
    JsonObject.Builder json = JsonObject.builder();
    keyId.ifPresent(id -> json.put("key_id", id));
    json.put("message", message);
    scheme.ifPresent(s -> json.put("scheme", s.wireName()));
    return json.put("status", state.wireName()).build();
  }
}

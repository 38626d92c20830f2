package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runpack verify --public-key}, as a process: a changed manifest byte (a {@code
 * generated_at} digit) still passes plain verify, as Decision Gate's, and fails with the key; a
 * signature from another key, missing or garbled fails with exit 1, one error line naming the
 * problem, and no stack trace.
 */
class VerifySignatureIT {

  static final String PLAIN_PASS = "{\"checked_files\":8,\"errors\":[],\"status\":\"pass\"}\n";

  @TempDir Path temp;
  String keyId;

  @BeforeEach
  void signedRunpack() {
    keyId = SignedRunpacks.keygen(temp, "key");
    assertEquals(0, SignedRunpacks.export(temp, "rp", "key.pem").exitCode());
  }

  @Test
  void signedRunpackPassesWithItsPublicKey() {
    CliProcess.Result result = verify("--public-key", "key.pub.pem");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(
        "{\"checked_files\":8,\"errors\":[],\"signature\":{\"key_id\":\""
            + keyId
            + "\",\"message\":\"signature valid: manifest.json.sig (ed25519 key "
            + keyId
            + ")\",\"scheme\":\"ed25519\",\"status\":\"valid\"},\"status\":\"pass\"}\n",
        result.out());
    assertEquals("", result.stderr());
  }

  @Test
  void changedGeneratedAtDigitPassesPlainVerifyAndFailsWithTheKey() throws IOException {
    Path manifest = temp.resolve("rp/manifest.json");
    String original = Files.readString(manifest);
    String changed =
        original.replace(
            "\"generated_at\":{\"kind\":\"logical\",\"value\":10}",
            "\"generated_at\":{\"kind\":\"logical\",\"value\":11}");
    assertFalse(changed.equals(original));
    Files.writeString(manifest, changed);

    CliProcess.Result plain = verify();
    CliProcess.Result keyed = verify("--public-key", "key.pub.pem");

    assertEquals(0, plain.exitCode(), plain.stderr());
    assertEquals(PLAIN_PASS, plain.out(), "exactly Decision Gate's report");
    assertEquals(1, keyed.exitCode(), keyed.stderr());
    assertTrue(
        keyed
            .out()
            .startsWith(
                "{\"checked_files\":8,\"errors\":[\"signature over other bytes: manifest.json.sig"
                    + " signs sha256 "
                    + SignedRunpacks.sha256Hex(original.getBytes())
                    + ", manifest.json has sha256 "
                    + SignedRunpacks.sha256Hex(changed.getBytes())
                    + "\"]"),
        keyed.out());
    assertTrue(keyed.out().endsWith("\"status\":\"other_bytes\"},\"status\":\"fail\"}\n"));
    assertEquals("", keyed.stderr(), "no stack trace");
  }

  @Test
  void anotherKeyFailsNamingBothKeys() {
    String otherId = SignedRunpacks.keygen(temp, "other");

    CliProcess.Result result = verify("--public-key", "other.pub.pem", "--format", "text");

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "runpack FAILED: 8 files checked, 1 error\n"
            + "  - signature from another key: manifest.json.sig has key_id "
            + keyId
            + ", the public key is "
            + otherId
            + "\nsignature: other_key\n",
        result.out());
    assertEquals("", result.stderr());
  }

  @Test
  void missingSignatureFailsWithTheKeyAndIsIgnoredWithout() throws IOException {
    Files.delete(temp.resolve("rp/manifest.json.sig"));

    CliProcess.Result keyed = verify("--public-key", "key.pub.pem", "--format", "text");

    assertEquals(1, keyed.exitCode());
    assertEquals(
        "runpack FAILED: 8 files checked, 1 error\n"
            + "  - signature missing: manifest.json.sig: no such file\nsignature: unsigned\n",
        keyed.out());
    assertEquals(PLAIN_PASS, verify().out());
  }

  @Test
  void garbledSignatureFailsNamingTheDefect() throws IOException {
    Path sig = temp.resolve("rp/manifest.json.sig");
    Files.writeString(sig, Files.readString(sig).replace("\"ed25519\"", "\"rsa\""));

    CliProcess.Result result = verify("--public-key", "key.pub.pem", "--format", "text");

    assertEquals(1, result.exitCode());
    assertEquals(
        "runpack FAILED: 8 files checked, 1 error\n"
            + "  - signature invalid: manifest.json.sig: signature.scheme \"rsa\" is not ed25519 or"
            + " ecdsa-p256-sha256\nsignature: garbled\n",
        result.out());
    assertEquals("", result.stderr());
  }

  @Test
  void publicKeyThatIsNotAKeyIsInvalidInput() throws IOException {
    Files.writeString(
        temp.resolve("junk.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

    verify("--public-key", "junk.pem")
        .assertFailure(
            2,
            "invalid_request",
            "public key junk.pem: public key: not an Ed25519 or ECDSA P-256 public key");
  }

  private CliProcess.Result verify(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "verify";
    args[1] = "rp";
    System.arraycopy(options, 0, args, 2, options.length);
    return CliProcess.run(temp, args);
  }
}

package io.runpack.adapters.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.SignatureScheme;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.port.out.SignManifestPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files as users hold them: openssl's PKCS#8 and SPKI PEM, and Decision Gate's 32-byte seed
 * (raw or base64), all name the same key; the key id is the base64 of the public key; signatures
 * are deterministic; what is not a key is {@code invalid_request} without the key's bytes.
 */
class Ed25519KeyFilesTest {

  static final byte[] MESSAGE = "{\"manifest\":true}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;

  @Test
  void opensslKeyPairIsReadAndItsPublicKeyVerifiesOurSignature() throws Exception {
    Path key = temp.resolve("key.pem");
    Path pub = temp.resolve("pub.pem");
    openssl("genpkey", "-algorithm", "ed25519", "-out", key.toString());
    openssl("pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());

    Ed25519Signer signer =
        Ed25519Signer.fromSeed(Ed25519Keys.privateSeed(Files.readAllBytes(key), "key.pem"));
    VerificationKey trusted = Ed25519Keys.publicKey(Files.readAllBytes(pub), "pub.pem");
    SignManifestPort.Signed signed = signer.sign(MESSAGE);

    assertEquals(SignatureScheme.ED25519, signed.scheme());
    assertEquals(trusted.keyId().orElseThrow(), signed.keyId());
    assertEquals(64, signed.signature().length);
    assertEquals(true, trusted.verifies(MESSAGE, signed.signature()));
    assertArrayEquals(Files.readAllBytes(key), signer.privateKeyPem(), "PEM written as openssl");
    assertArrayEquals(Files.readAllBytes(pub), signer.publicKeyPem());
  }

  @Test
  void decisionGatesSeedRawOrBase64IsTheSameKeyAsItsPem() {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 9);
    Ed25519Signer fromPem =
        Ed25519Signer.fromSeed(
            Ed25519Keys.privateSeed(Ed25519Signer.fromSeed(seed).privateKeyPem(), "k"));
    Ed25519Signer fromRaw = Ed25519Signer.fromSeed(Ed25519Keys.privateSeed(seed, "k"));
    byte[] base64 = (Base64.getEncoder().encodeToString(seed) + "\n").getBytes();
    Ed25519Signer fromBase64 = Ed25519Signer.fromSeed(Ed25519Keys.privateSeed(base64, "k"));

    assertEquals(fromPem.keyId(), fromRaw.keyId());
    assertEquals(fromPem.keyId(), fromBase64.keyId());
    assertArrayEquals(fromRaw.sign(MESSAGE).signature(), fromBase64.sign(MESSAGE).signature());
  }

  @Test
  void signaturesAreDeterministic() {
    Ed25519Signer signer = Ed25519Signer.generate();

    assertArrayEquals(signer.sign(MESSAGE).signature(), signer.sign(MESSAGE).signature());
  }

  @Test
  void verifiesItsOwnSignatureOfTheseBytesOnly() {
    Ed25519Signer signer = Ed25519Signer.generate();
    byte[] signature = signer.sign(MESSAGE).signature();
    byte[] flipped = signature.clone();
    flipped[10] ^= 1;

    assertEquals(true, signer.verifies(MESSAGE, signature));
    assertEquals(false, signer.verifies("{}".getBytes(StandardCharsets.UTF_8), signature));
    assertEquals(false, signer.verifies(MESSAGE, flipped));
    assertEquals(
        false, signer.verifies(MESSAGE, Ed25519Signer.generate().sign(MESSAGE).signature()));
    assertEquals(false, signer.verifies(MESSAGE, new byte[3]), "malformed: false, no exception");
  }

  @Test
  void publicKeyAsDecisionGatesBase64IsAccepted() {
    Ed25519Signer signer = Ed25519Signer.generate();

    VerificationKey key = Ed25519Keys.publicKey(signer.keyId().getBytes(), "pub");

    assertEquals(signer.keyId(), key.keyId().orElseThrow());
  }

  @Test
  void ecdsaP256PublicKeyPemIsAccepted() throws Exception {
    Path key = temp.resolve("ec.pem");
    Path pub = temp.resolve("ec.pub.pem");
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "" + key);
    openssl("pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());

    VerificationKey trusted = Ed25519Keys.publicKey(Files.readAllBytes(pub), "ec.pub.pem");

    assertEquals(SignatureScheme.ECDSA_P256_SHA256, trusted.scheme());
  }

  @Test
  void whatIsNotAPrivateKeyIsInvalidRequestNamingTheFile() {
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> Ed25519Keys.privateSeed("not a key".getBytes(), "key.txt"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals(
        "signing key key.txt: not an Ed25519 private key (PKCS#8 PEM, or a 32-byte seed raw or"
            + " base64)",
        e.getMessage());
  }

  @Test
  void aPemFileOfTwoKeysIsRefusedWhicheverComesFirst() {
    byte[] one = Ed25519Signer.generate().publicKeyPem();
    byte[] two = Ed25519Signer.generate().publicKeyPem();
    byte[] both = new byte[one.length + two.length];
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    byte[] certificateFirst =
        ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + new String(one))
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    for (byte[] pem : java.util.List.of(both, certificateFirst)) {
      RunpackException e =
          assertThrows(RunpackException.class, () -> Ed25519Keys.publicKey(pem, "keys.pem"));
      assertEquals(
          "public key keys.pem: a PEM file of more than one block; give the key alone",
          e.getMessage());
    }
  }

  @Test
  void aPublicKeyPemIsNotASigningKey() {
    byte[] pem = Ed25519Signer.generate().publicKeyPem();

    RunpackException e =
        assertThrows(RunpackException.class, () -> Ed25519Keys.privateSeed(pem, "pub.pem"));

    assertEquals("signing key pub.pem: a PEM file without a PRIVATE KEY block", e.getMessage());
  }

  @Test
  void rsaPublicKeyIsRefused() throws Exception {
    Path key = temp.resolve("rsa.pem");
    Path pub = temp.resolve("rsa.pub.pem");
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "" + key);
    openssl("pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> Ed25519Keys.publicKey(Files.readAllBytes(pub), "rsa.pub.pem"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals(
        "public key rsa.pub.pem: public key: not an Ed25519 or ECDSA P-256 public key",
        e.getMessage());
  }

  static void openssl(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "openssl";
    System.arraycopy(args, 0, command, 1, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runpack export --signing-key}, as a process: the eight files are byte for byte the
 * unsigned export's (Decision Gate's), {@code manifest.json.sig} is beside them, and openssl
 * verifies the Ed25519 signature over the manifest's bytes with the public key.
 */
class SignedExportIT {

  @TempDir Path temp;

  @Test
  void signedExportIsTheUnsignedExportPlusASignatureOpensslAccepts() throws Exception {
    String keyId = SignedRunpacks.keygen(temp, "key");
    CliProcess.Result unsigned = SignedRunpacks.export(temp, "unsigned", null);
    CliProcess.Result signed = SignedRunpacks.export(temp, "signed", "key.pem");

    assertEquals(0, signed.exitCode(), signed.stderr());
    assertEquals(unsigned.out(), signed.out(), "the same tool output");
    Map<String, byte[]> files = new TreeMap<>(Fixtures.readTree(temp.resolve("signed")));
    byte[] sig = files.remove("manifest.json.sig");
    Map<String, byte[]> plain = Fixtures.readTree(temp.resolve("unsigned"));
    assertEquals(plain.keySet(), files.keySet());
    plain.forEach((path, bytes) -> assertArrayEquals(bytes, files.get(path), path));
    Fixtures.readTree(Fixtures.golden(SignedRunpacks.LABEL))
        .forEach((path, bytes) -> assertArrayEquals(bytes, files.get(path), path));

    String document = new String(sig, StandardCharsets.UTF_8);
    String manifestSha = SignedRunpacks.sha256Hex(files.get("manifest.json"));
    String prefix =
        "{\"hash\":{\"algorithm\":\"sha256\",\"value\":\""
            + manifestSha
            + "\"},\"key_id\":\""
            + keyId
            + "\",\"scheme\":\"ed25519\",\"signature\":\"";
    assertTrue(document.startsWith(prefix), document);
    String signature = document.substring(prefix.length(), document.length() - 2);
    Files.write(temp.resolve("manifest.sig.bin"), Base64.getDecoder().decode(signature));

    CliProcess.Result openssl =
        SignedRunpacks.openssl(
            temp,
            "pkeyutl",
            "-verify",
            "-rawin",
            "-pubin",
            "-inkey",
            "key.pub.pem",
            "-in",
            "signed/manifest.json",
            "-sigfile",
            "manifest.sig.bin");
    assertEquals(0, openssl.exitCode(), openssl.stderr());
    assertTrue(openssl.out().contains("Signature Verified Successfully"), openssl.out());
  }

  @Test
  void opensslKeyPairSignsDeterministically() throws Exception {
    assertEquals(
        0,
        SignedRunpacks.openssl(temp, "genpkey", "-algorithm", "ed25519", "-out", "key.pem")
            .exitCode());
    SignedRunpacks.export(temp, "first", "key.pem");
    SignedRunpacks.export(temp, "second", "key.pem");

    assertArrayEquals(
        Files.readAllBytes(temp.resolve("first/manifest.json.sig")),
        Files.readAllBytes(temp.resolve("second/manifest.json.sig")));
  }

  @Test
  void decisionGatesBase64SeedIsASigningKey() throws Exception {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) 3);
    Files.writeString(temp.resolve("seed.b64"), Base64.getEncoder().encodeToString(seed));

    CliProcess.Result result = SignedRunpacks.export(temp, "out", "seed.b64");

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(Files.exists(temp.resolve("out/manifest.json.sig")));
  }

  @Test
  void keygenWritesAPrivateKeyOnlyTheOwnerReadsAndNeverOverwrites() throws Exception {
    SignedRunpacks.keygen(temp, "key");
    byte[] before = Files.readAllBytes(temp.resolve("key.pem"));

    CliProcess.Result again =
        CliProcess.run(temp, "keygen", "--private-key", "key.pem", "--public-key", "other.pub.pem");

    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("key.pem"))));
    again.assertFailure(
        2, "invalid_request", "key.pem already exists; keygen never overwrites a key");
    assertArrayEquals(before, Files.readAllBytes(temp.resolve("key.pem")));
    assertTrue(Files.notExists(temp.resolve("other.pub.pem")));
    assertTrue(
        new String(before, StandardCharsets.US_ASCII).startsWith("-----BEGIN PRIVATE KEY-----\n"));
  }

  @Test
  void keygenRefusesOneFileForBothKeysAndWritesNothing() {
    CliProcess.run(temp, "keygen", "--private-key", "k.pem", "--public-key", "./k.pem")
        .assertFailure(
            2, "invalid_request", "--private-key and --public-key name the same file: k.pem");
    assertTrue(Files.notExists(temp.resolve("k.pem")));
  }

  @Test
  void signingKeyThatIsNotAKeyIsInvalidInputAndWritesNothing() throws Exception {
    Files.writeString(temp.resolve("key.txt"), "hello");

    SignedRunpacks.export(temp, "out", "key.txt")
        .assertFailure(
            2,
            "invalid_request",
            "signing key key.txt: not an Ed25519 private key (PKCS#8 PEM, or a 32-byte seed raw"
                + " or base64)");
    assertTrue(Files.notExists(temp.resolve("out")));
  }

  @Test
  void missingSigningKeyIsFileNotFound() {
    SignedRunpacks.export(temp, "out", "nope.pem")
        .assertFailure(2, "file_not_found", "cannot read signing key nope.pem: no such file");
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --signature-out PATH --signing-key KEY}, run as a process: the record is Decision
 * Gate's signature shape over the exact bytes printed, checked here with the JDK's own Ed25519 and
 * RFC 8032's first test key (whose public key is known).
 */
class VerifyOutputSignatureIT {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SEED =
      HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] PUBLIC =
      HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

  @TempDir Path temp;

  @Test
  void markdownOutputIsSignedByteForByte() throws Exception {
    Files.writeString(temp.resolve("seed.b64"), Base64.getEncoder().encodeToString(SEED) + "\n");

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "verify",
            "--manifest",
            Fixtures.golden("golden_time_after_pass").resolve("manifest.json").toString(),
            "--format",
            "markdown",
            "--signature-out",
            "out.sig",
            "--signing-key",
            "seed.b64");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(VerifyDecisionGateFormIT.PASS_MARKDOWN, result.out());
    byte[] record = Files.readAllBytes(temp.resolve("out.sig"));
    JsonValue json = LocalRunpack.json(record);
    assertArrayEquals(CanonicalJson.toBytes(json), record, "canonical JSON, no newline");
    JsonFields fields =
        JsonFields.of(json, "signature", ErrorCode.INVALID_MANIFEST)
            .onlyKeys(java.util.Set.of("hash", "key_id", "scheme", "signature"));
    assertEquals("ed25519", fields.string("scheme"));
    assertEquals(Base64.getEncoder().encodeToString(PUBLIC), fields.string("key_id"));
    assertEquals("sha256", fields.object("hash").string("algorithm"));
    assertEquals(
        HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(result.stdout())),
        fields.object("hash").string("value"));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(publicKey(PUBLIC));
    verifier.update(result.stdout());
    assertTrue(verifier.verify(Base64.getDecoder().decode(fields.string("signature"))));
  }

  @Test
  void rawSeedSignsTheJsonReport() throws Exception {
    Files.write(temp.resolve("seed.bin"), SEED);

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "verify",
            Fixtures.backcompat().toString(),
            "--signature-out",
            "out.sig",
            "--signing-key",
            "seed.bin");

    assertEquals(0, result.exitCode(), result.stderr());
    String record = Files.readString(temp.resolve("out.sig"), StandardCharsets.UTF_8);
    String digest = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(result.stdout()));
    assertTrue(record.startsWith("{\"hash\":{\"algorithm\":\"sha256\",\"value\":\"" + digest));
  }

  @Test
  void aSignatureIsNeverWrittenInsideTheRunpackVerified() throws Exception {
    Files.write(temp.resolve("seed.bin"), SEED);
    Path runpack = Fixtures.copyTree(Fixtures.backcompat(), temp.resolve("rp"));
    Path manifest = runpack.resolve("manifest.json");
    byte[] before = Files.readAllBytes(manifest);

    CliProcess.run(
            temp,
            "verify",
            "--manifest",
            manifest.toString(),
            "--signature-out",
            manifest.toString(),
            "--signing-key",
            "seed.bin")
        .assertFailure(
            2,
            "invalid_request",
            "--signature-out names a file inside the runpack being read, which is left as it is: "
                + manifest);

    assertArrayEquals(before, Files.readAllBytes(manifest));
    assertEquals(0, CliProcess.run(temp, "verify", runpack.toString()).exitCode());
  }

  @Test
  void signatureOutWithoutAKeyIsRefused() {
    CliProcess.run(temp, "verify", Fixtures.backcompat().toString(), "--signature-out", "out.sig")
        .assertFailure(2, "invalid_request", "--signature-out needs --signing-key");
    assertFalse(Files.exists(temp.resolve("out.sig")));
  }

  @Test
  void missingKeyPrintsNothingAndWritesNothing() {
    CliProcess.run(
            temp,
            "verify",
            Fixtures.backcompat().toString(),
            "--signature-out",
            "out.sig",
            "--signing-key",
            "nope.key")
        .assertFailure(2, "file_not_found", "cannot read signing key nope.key: no such file");
    assertFalse(Files.exists(temp.resolve("out.sig")));
  }

  private static PublicKey publicKey(byte[] raw) throws Exception {
    byte[] prefix = HEX.parseHex("302a300506032b6570032100");
    byte[] spki = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, spki, 0, prefix.length);
    System.arraycopy(raw, 0, spki, prefix.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runpack sign DIR}, as a process: signs a runpack that passes verification with exactly the
 * signature a signed export writes; refuses one that fails (exit 1, nothing written) and never
 * replaces another signature.
 */
class SignCommandIT {

  @TempDir Path temp;

  @Test
  void signingAnExistingRunpackGivesTheSignedExportsSignature() throws Exception {
    String keyId = SignedRunpacks.keygen(temp, "key");
    SignedRunpacks.export(temp, "exported", "key.pem");
    Fixtures.copyTree(Fixtures.golden(SignedRunpacks.LABEL), temp.resolve("rp"));

    CliProcess.Result result = CliProcess.run(temp, "sign", "rp", "--signing-key", "key.pem");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(
        "{\"key_id\":\""
            + keyId
            + "\",\"report\":{\"checked_files\":8,\"errors\":[],\"status\":\"pass\"},"
            + "\"signature\":\"manifest.json.sig\"}\n",
        result.out());
    assertArrayEquals(
        Files.readAllBytes(temp.resolve("exported/manifest.json.sig")),
        Files.readAllBytes(temp.resolve("rp/manifest.json.sig")));
    assertEquals(0, CliProcess.run(temp, "verify", "rp", "--public-key", "key.pub.pem").exitCode());
  }

  @Test
  void runpackThatFailsVerificationIsNotSigned() throws Exception {
    SignedRunpacks.keygen(temp, "key");
    Path rp = Fixtures.copyTree(Fixtures.golden(SignedRunpacks.LABEL), temp.resolve("rp"));
    Files.writeString(rp.resolve("artifacts/triggers.json"), "[]");

    CliProcess.Result result = CliProcess.run(temp, "sign", "rp", "--signing-key", "key.pem");

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "{\"report\":{\"checked_files\":8,\"errors\":[\"hash mismatch for"
            + " artifacts/triggers.json\"],\"status\":\"fail\"}}\n",
        result.out());
    assertTrue(Files.notExists(rp.resolve("manifest.json.sig")));
  }

  @Test
  void anotherSignatureIsNeverReplaced() throws Exception {
    SignedRunpacks.keygen(temp, "key");
    SignedRunpacks.keygen(temp, "other");
    SignedRunpacks.export(temp, "rp", "key.pem");
    byte[] before = Files.readAllBytes(temp.resolve("rp/manifest.json.sig"));

    CliProcess.run(temp, "sign", "rp", "--signing-key", "other.pem")
        .assertFailure(
            3,
            "conflict",
            "manifest.json.sig already holds another signature; remove it first to sign again");
    assertArrayEquals(before, Files.readAllBytes(temp.resolve("rp/manifest.json.sig")));
  }
}

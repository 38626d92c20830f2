package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code runpack.signing.kms-key-id}: the function signs every manifest with the KMS key (moto's
 * KMS API on the local stack, the key made through the SDK); the signature names the key's ARN and
 * verifies offline with openssl and the key's public PEM from GetPublicKey; a KMS failure is a
 * {@code runpack.StorageError} and leaves no manifest.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
@TestProfile(KmsSigningTest.KmsSigning.class)
class KmsSigningTest {

  static final String ALIAS = "alias/runpack-manifests-" + UUID.randomUUID();
  static final KmsClient KMS = LocalAws.kms();

  /** The function signs with the key behind {@link #ALIAS} on the local stack's KMS. */
  public static class KmsSigning implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "runpack.signing.kms-key-id",
          ALIAS,
          "runpack.signing.kms-endpoint",
          LocalAws.stack().kmsEndpoint().toString());
    }
  }

  static String keyArn;

  @TempDir Path temp;

  @BeforeAll
  static void createKey() {
    keyArn = LocalAws.newSigningKey(KMS);
    KMS.createAlias(b -> b.aliasName(ALIAS).targetKeyId(keyArn));
    FunctionTestSupport.importReferenceRuns();
  }

  @Test
  void manifestIsSignedByTheKmsKeyAndOpensslVerifiesItWithThePublicPem() throws Exception {
    String label = "golden_visibility_packet";
    Response response = FunctionTestSupport.invoke(Fixtures.read(Fixtures.request(label)));

    assertEquals(200, response.statusCode(), response.asString());
    Map<String, byte[]> written = FunctionTestSupport.objects(prefixOf(response));
    byte[] manifest = written.get("manifest.json");
    Map<String, byte[]> golden = Fixtures.readTree(Fixtures.golden(label));
    assertEquals(golden.keySet().size() + 1, written.size());
    golden.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, written.get(path))));
    JsonObject sig =
        (JsonObject) FunctionTestSupport.CODEC.decode(written.get("manifest.json.sig"));
    assertEquals(keyArn, ((JsonString) sig.get("key_id").orElseThrow()).value());
    assertEquals("ecdsa-p256-sha256", ((JsonString) sig.get("scheme").orElseThrow()).value());

    byte[] spki = KMS.getPublicKey(b -> b.keyId(keyArn)).publicKey().asByteArray();
    Files.writeString(
        temp.resolve("kms.pub.pem"),
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki)
            + "\n-----END PUBLIC KEY-----\n");
    Files.write(temp.resolve("manifest.json"), manifest);
    Files.write(
        temp.resolve("manifest.sig.der"),
        Base64.getDecoder().decode(((JsonString) sig.get("signature").orElseThrow()).value()));
    assertEquals(
        "Verified OK\n",
        openssl(
            "dgst",
            "-sha256",
            "-verify",
            "kms.pub.pem",
            "-signature",
            "manifest.sig.der",
            "manifest.json"));
  }

  @Test
  void kmsFailureIsAStorageErrorAndLeavesNoManifest() {
    KMS.deleteAlias(b -> b.aliasName(ALIAS));
    try {
      int before = FunctionTestSupport.objectCount();

      Response response =
          FunctionTestSupport.invoke(Fixtures.read(Fixtures.request("golden_time_after_pass")));

      assertEquals(500, response.statusCode(), response.asString());
      assertEquals("runpack.StorageError", response.jsonPath().getString("errorType"));
      assertTrue(
          response
              .jsonPath()
              .getString("errorMessage")
              .startsWith("storage_error: KMS Sign with key " + ALIAS + " failed: "),
          response.asString());
      assertEquals(before, FunctionTestSupport.objectCount(), "nothing written, no manifest");
    } finally {
      KMS.createAlias(b -> b.aliasName(ALIAS).targetKeyId(keyArn));
    }
  }

  private static String prefixOf(Response response) {
    JsonObject output = (JsonObject) FunctionTestSupport.CODEC.decode(response.asByteArray());
    String uri = ((JsonString) output.get("storage_uri").orElseThrow()).value();
    return uri.substring(("s3://" + LocalAwsResource.BUCKET + "/").length());
  }

  private String openssl(String... args) throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
    command.addAll(java.util.List.of(args));
    Process process =
        new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    return out;
  }
}

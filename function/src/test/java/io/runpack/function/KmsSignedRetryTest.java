package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.runpack.adapters.s3.RunpackKeys;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.model.SignatureScheme;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A signed write-once export retried after an attempt that wrote the signature but not the manifest
 * (a transient S3 error, a Lambda timeout), through the real handler, KMS on moto, S3 on S3Mock:
 * KMS's ECDSA signatures differ from one signing to the next, so the retry's new signature meets
 * the stored one at its conditional PUT. The stored one stands when it is a valid signature of this
 * manifest by this key (the manifest is written, and the runpack verifies with it); anything else
 * there is a conflict and the manifest is not written.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
@TestProfile(KmsSignedRetryTest.WriteOnceKmsSigning.class)
class KmsSignedRetryTest {

  static final String LABEL = "golden_visibility_packet";
  static final String ALIAS = "alias/runpack-retry-" + UUID.randomUUID();
  static final KmsClient KMS = LocalAws.kms();

  /** Write-once S3 (as with Object Lock), every manifest signed with the key behind ALIAS. */
  public static class WriteOnceKmsSigning implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "runpack.write-once",
          "true",
          "runpack.signing.kms-key-id",
          ALIAS,
          "runpack.signing.kms-endpoint",
          LocalAws.stack().kmsEndpoint().toString());
    }
  }

  static String keyArn;
  static byte[] manifest;
  static String prefix;

  @TempDir Path temp;

  @BeforeAll
  static void createKey() {
    keyArn = LocalAws.newSigningKey(KMS);
    KMS.createAlias(b -> b.aliasName(ALIAS).targetKeyId(keyArn));
    FunctionTestSupport.importReferenceRuns();
    manifest = Fixtures.readTree(Fixtures.golden(LABEL)).get("manifest.json");
    Manifest decoded = Manifest.fromJson(FunctionTestSupport.CODEC.decode(manifest));
    prefix =
        RunpackKeys.prefix(
            Optional.empty(),
            new RunpackTarget(
                decoded.tenantId(),
                decoded.namespaceId(),
                decoded.scenarioId(),
                decoded.runId(),
                decoded.specHash(),
                Optional.empty()));
  }

  /** Other test classes export the same run to the same keys: each test starts with none. */
  @BeforeEach
  @AfterEach
  void emptyPrefix() {
    List<String> keys = new ArrayList<>();
    for (S3Object object :
        FunctionTestSupport.S3
            .listObjectsV2Paginator(r -> r.bucket(LocalAwsResource.BUCKET).prefix(prefix))
            .contents()) {
      keys.add(object.key());
    }
    keys.forEach(
        key ->
            FunctionTestSupport.S3.deleteObject(r -> r.bucket(LocalAwsResource.BUCKET).key(key)));
  }

  @Test
  void retryAfterTheSignatureWasWrittenSucceedsAndTheStoredSignatureStands() throws Exception {
    byte[] earlier = signature(keyArn, kmsSignature(keyArn, manifest));
    put("manifest.json.sig", earlier); // an earlier attempt's, which failed before the manifest

    Response response = export();

    assertEquals(200, response.statusCode(), response.asString());
    assertEquals(
        "s3://" + LocalAwsResource.BUCKET + "/" + prefix,
        response.jsonPath().getString("storage_uri"));
    Map<String, byte[]> written = FunctionTestSupport.objects(prefix);
    Map<String, byte[]> golden = Fixtures.readTree(Fixtures.golden(LABEL));
    assertEquals(golden.keySet().size() + 1, written.size(), written.keySet().toString());
    golden.forEach((path, bytes) -> assertArrayEquals(bytes, written.get(path), path));
    assertArrayEquals(earlier, written.get("manifest.json.sig"), "the stored signature stands");
    assertEquals("Verified OK\n", opensslVerify(written.get("manifest.json"), earlier));

    Response again = export(); // and once the manifest is there too, a retry is still a success
    assertEquals(200, again.statusCode(), again.asString());
    assertArrayEquals(earlier, FunctionTestSupport.objects(prefix).get("manifest.json.sig"));
  }

  @Test
  void storedSignatureOfThisManifestByThisKeyWhoseBytesDoNotVerifyIsAConflict() {
    // the right hash, key_id and scheme, and a real signature by the key, of other bytes
    byte[] forged =
        signature(keyArn, kmsSignature(keyArn, "other bytes".getBytes(StandardCharsets.UTF_8)));
    put("manifest.json.sig", forged);

    assertConflictAndNoManifest(export(), forged);
  }

  @Test
  void storedSignatureOfThisManifestByAnotherKeyIsAConflict() {
    String otherArn = LocalAws.newSigningKey(KMS);
    byte[] other = signature(otherArn, kmsSignature(otherArn, manifest));
    put("manifest.json.sig", other);

    assertConflictAndNoManifest(export(), other);
  }

  @Test
  void storedSignatureThatIsNoSignatureDocumentIsAConflict() {
    byte[] garbled = "{\"signature\":\"not one\"}".getBytes(StandardCharsets.UTF_8);
    put("manifest.json.sig", garbled);

    assertConflictAndNoManifest(export(), garbled);
  }

  private static void assertConflictAndNoManifest(Response response, byte[] stored) {
    assertEquals(500, response.statusCode(), response.asString());
    assertEquals("runpack.Conflict", response.jsonPath().getString("errorType"));
    assertEquals(
        "conflict: s3://"
            + LocalAwsResource.BUCKET
            + "/"
            + prefix
            + "manifest.json.sig already holds different bytes (write-once storage)",
        response.jsonPath().getString("errorMessage"));
    Map<String, byte[]> written = FunctionTestSupport.objects(prefix);
    assertFalse(written.containsKey("manifest.json"), written.keySet().toString());
    assertArrayEquals(stored, written.get("manifest.json.sig"), "left as it was");
  }

  private static Response export() {
    return FunctionTestSupport.invoke(Fixtures.read(Fixtures.request(LABEL)));
  }

  private static void put(String path, byte[] bytes) {
    FunctionTestSupport.S3.putObject(
        r -> r.bucket(LocalAwsResource.BUCKET).key(prefix + path), RequestBody.fromBytes(bytes));
  }

  /** A KMS ECDSA signature of {@code message} (RAW: the manifests here are under 4 KiB). */
  private static byte[] kmsSignature(String arn, byte[] message) {
    return KMS.sign(
            b ->
                b.keyId(arn)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                    .messageType(MessageType.RAW)
                    .message(SdkBytes.fromByteArray(message)))
        .signature()
        .asByteArray();
  }

  /** The signature document of {@link #manifest}, as Runpack writes it, with these bytes. */
  private static byte[] signature(String arn, byte[] signatureBytes) {
    return ManifestSignature.of(manifest, SignatureScheme.ECDSA_P256_SHA256, arn, signatureBytes)
        .toBytes();
  }

  private String opensslVerify(byte[] manifestBytes, byte[] signatureDocument) throws Exception {
    ManifestSignature sig =
        ManifestSignature.fromJson(FunctionTestSupport.CODEC.decode(signatureDocument));
    byte[] spki = KMS.getPublicKey(b -> b.keyId(keyArn)).publicKey().asByteArray();
    Files.writeString(
        temp.resolve("kms.pub.pem"),
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki)
            + "\n-----END PUBLIC KEY-----\n");
    Files.write(temp.resolve("manifest.json"), manifestBytes);
    Files.write(temp.resolve("manifest.sig.der"), sig.signatureBytes());
    return openssl(
        "dgst",
        "-sha256",
        "-verify",
        "kms.pub.pem",
        "-signature",
        "manifest.sig.der",
        "manifest.json");
  }

  private String openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    return out;
  }
}

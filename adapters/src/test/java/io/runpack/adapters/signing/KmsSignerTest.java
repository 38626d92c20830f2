package io.runpack.adapters.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.s3.S3RunpackReader;
import io.runpack.adapters.s3.S3RunpackStorage;
import io.runpack.adapters.s3.S3Settings;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.SignatureStatus.State;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.in.SignedVerification;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.domain.service.VerifySignedRunpackService;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The KMS signer against a real KMS API (moto's server), keys made through the SDK: an export to S3
 * signed by an ECC_NIST_P256 key verifies offline with the key's public key from GetPublicKey
 * alone; KMS Verify tells the key's signatures of the manifest (each signing's own bytes) from any
 * other; a KMS failure is {@code storage_error} and leaves no manifest.
 */
class KmsSignerTest {

  static final String LABEL = "golden_visibility_packet";

  static KmsClient kms;
  static S3Client s3;
  static DynamoDbClient dynamoDb;
  static String table;

  @BeforeAll
  static void connect() {
    kms = LocalAws.kms();
    s3 = LocalAws.s3();
    dynamoDb = LocalAws.dynamoDb();
    table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    new DynamoDbRunImporter(dynamoDb, table)
        .importRun(
            LoadedRun.fromBundle(LocalRunpack.json(Fixtures.read(Fixtures.runBundle(LABEL)))));
  }

  @Test
  void kmsSignedRunpackVerifiesOfflineWithTheKeysPublicKey() {
    String arn = LocalAws.newSigningKey(kms);
    String bucket = LocalAws.newBucket(s3);

    ExportResult result = export(bucket, new KmsManifestSigner(kms, arn));

    byte[] spki = kms.getPublicKey(b -> b.keyId(arn)).publicKey().asByteArray();
    VerificationKey key = VerificationKey.fromSpki(spki);
    SignedVerification verified = verify(result, Optional.of(key));
    assertEquals(State.VALID, verified.signature().state(), verified.signature().message());
    assertEquals(Optional.of(arn), verified.signature().keyId());
    assertEquals("pass", verified.report().status());

    String otherArn = LocalAws.newSigningKey(kms);
    VerificationKey other =
        VerificationKey.fromSpki(
            kms.getPublicKey(b -> b.keyId(otherArn)).publicKey().asByteArray());
    assertEquals(State.BAD_SIGNATURE, verify(result, Optional.of(other)).signature().state());
  }

  @Test
  void kmsVerifiesItsKeysSignaturesOfTheseBytesOnly() {
    String arn = LocalAws.newSigningKey(kms);
    KmsManifestSigner signer = new KmsManifestSigner(kms, arn);
    byte[] manifest = Fixtures.readTree(Fixtures.golden(LABEL)).get("manifest.json");
    byte[] first = signer.sign(manifest).signature();
    byte[] second = signer.sign(manifest).signature();
    byte[] flipped = first.clone();
    flipped[flipped.length - 1] ^= 1;
    byte[] otherKeys =
        new KmsManifestSigner(kms, LocalAws.newSigningKey(kms)).sign(manifest).signature();

    assertEquals(false, java.util.Arrays.equals(first, second), "KMS signs differently each time");
    assertEquals(true, signer.verifies(manifest, first));
    assertEquals(true, signer.verifies(manifest, second));
    assertEquals(false, signer.verifies("{}".getBytes(StandardCharsets.UTF_8), first));
    assertEquals(false, signer.verifies(manifest, flipped));
    assertEquals(false, signer.verifies(manifest, otherKeys));
  }

  @Test
  void kmsVerifyFailureIsAStorageError() {
    String missing = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000";

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                new KmsManifestSigner(kms, missing).verifies(new byte[] {'{', '}'}, new byte[70]));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code());
    assertTrue(
        e.getMessage().startsWith("KMS Verify with key " + missing + " failed: "), e.getMessage());
  }

  @Test
  void kmsFailureIsAStorageErrorAndLeavesNoManifest() {
    String bucket = LocalAws.newBucket(s3);
    String missing = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000";

    RunpackException e =
        assertThrows(
            RunpackException.class, () -> export(bucket, new KmsManifestSigner(kms, missing)));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code());
    assertTrue(
        e.getMessage().startsWith("KMS Sign with key " + missing + " failed: "), e.getMessage());
    assertEquals(0, s3.listObjectsV2(b -> b.bucket(bucket)).keyCount());
  }

  private static ExportResult export(String bucket, SignManifestPort signer) {
    try (S3RunpackStorage storage = new S3RunpackStorage(s3, S3Settings.of(bucket))) {
      return new ExportRunpackService(
              new DynamoDbRunStore(dynamoDb, table, LocalRunpack.CODEC),
              storage,
              LocalRunpack.CODEC,
              new ExportSettings(Optional.of(Fixtures.DG_SECURITY), Optional.empty()),
              Optional.of(signer))
          .export(
              ExportRunpackCommand.fromJson(
                  LocalRunpack.json(Fixtures.read(Fixtures.request(LABEL)))));
    }
  }

  private static SignedVerification verify(ExportResult result, Optional<VerificationKey> key) {
    return new VerifySignedRunpackService(LocalRunpack.CODEC)
        .verify(
            new VerifyRunpackCommand(
                S3RunpackReader.at(s3, result.storageUri().orElseThrow()),
                RunpackPath.of("manifest.json")),
            key);
  }
}

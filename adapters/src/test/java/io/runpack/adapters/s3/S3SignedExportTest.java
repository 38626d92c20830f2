package io.runpack.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.signing.Ed25519Signer;
import io.runpack.adapters.signing.KmsManifestSigner;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A signed export to S3 writes the signature with the artifacts, before the manifest, so a visible
 * manifest always has its signature; write-once covers the signature (same key: accepted, another
 * key: conflict, manifest untouched). KMS signs differently each time: a retry that meets an
 * earlier attempt's signature of the same manifest by the same key keeps it and writes the
 * manifest; anything else there is a conflict and no manifest is written.
 */
class S3SignedExportTest {

  static final String LABEL = "golden_visibility_packet";

  static DynamoDbClient dynamoDb;
  static KmsClient kms;
  static String table;
  String bucket;

  @BeforeAll
  static void connect() {
    dynamoDb = LocalAws.dynamoDb();
    kms = LocalAws.kms();
    table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    AwsExport.importRun(dynamoDb, table, Fixtures.read(Fixtures.runBundle(LABEL)));
  }

  @BeforeEach
  void freshBucket() {
    bucket = LocalAws.newBucket(LocalAws.s3());
  }

  @Test
  void signatureIsWrittenBeforeTheManifestAndTheRestIsTheUnsignedRunpack() {
    List<String> puts = Collections.synchronizedList(new ArrayList<>());
    S3Client s3 = LocalAws.s3(LocalAws.stack().s3Endpoint(), List.of(recording(puts)), 3);

    export(s3, new S3Settings(bucket, Optional.empty(), false, 8), Ed25519Signer.generate());

    String prefix = S3ExportTest.PREFIX;
    assertEquals(prefix + "manifest.json", puts.get(puts.size() - 1));
    assertEquals(true, puts.subList(0, puts.size() - 1).contains(prefix + "manifest.json.sig"));
    Map<String, byte[]> objects = AwsExport.objects(s3, bucket, prefix);
    objects.remove("manifest.json.sig");
    Map<String, byte[]> golden = Fixtures.readTree(Fixtures.golden(LABEL));
    assertEquals(golden.keySet(), objects.keySet());
    golden.forEach((path, bytes) -> assertArrayEquals(bytes, objects.get(path), path));
  }

  @Test
  void writeOnceAcceptsTheSameSignatureAndRefusesAnotherKeys() {
    S3Client s3 = LocalAws.s3();
    S3Settings writeOnce = new S3Settings(bucket, Optional.empty(), true, 8);
    Ed25519Signer signer = Ed25519Signer.generate();
    export(s3, writeOnce, signer);
    export(s3, writeOnce, signer);
    Map<String, byte[]> before = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);

    RunpackException e =
        assertThrows(RunpackException.class, () -> export(s3, writeOnce, Ed25519Signer.generate()));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        "s3://"
            + bucket
            + "/"
            + S3ExportTest.PREFIX
            + "manifest.json.sig already holds different bytes (write-once storage)",
        e.getMessage());
    Map<String, byte[]> after = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
  }

  @Test
  void writeOnceRetryKeepsAnEarlierAttemptsKmsSignatureAndWritesTheManifest() {
    S3Client s3 = LocalAws.s3();
    S3Settings writeOnce = new S3Settings(bucket, Optional.empty(), true, 8);
    KmsManifestSigner signer = new KmsManifestSigner(kms, LocalAws.newSigningKey(kms));
    export(s3, writeOnce, signer);
    Map<String, byte[]> first = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    // the earlier attempt failed after its signature's PUT, before the manifest's
    s3.deleteObject(b -> b.bucket(bucket).key(S3ExportTest.PREFIX + "manifest.json"));

    export(s3, writeOnce, signer); // signs anew: KMS gives other bytes, which meet the stored ones

    Map<String, byte[]> after = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    assertEquals(first.keySet(), after.keySet());
    first.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    export(s3, writeOnce, signer); // and with the manifest there too
    Map<String, byte[]> again = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    first.forEach((path, bytes) -> assertArrayEquals(bytes, again.get(path), path));
  }

  @Test
  void writeOnceRetryMeetingASignatureByTheSameKmsKeyOfOtherBytesIsAConflict() {
    S3Client s3 = LocalAws.s3();
    S3Settings writeOnce = new S3Settings(bucket, Optional.empty(), true, 8);
    KmsManifestSigner signer = new KmsManifestSigner(kms, LocalAws.newSigningKey(kms));
    export(s3, writeOnce, signer);
    String sigKey = S3ExportTest.PREFIX + "manifest.json.sig";
    s3.deleteObject(b -> b.bucket(bucket).key(S3ExportTest.PREFIX + "manifest.json"));
    s3.deleteObject(b -> b.bucket(bucket).key(sigKey));
    byte[] manifest = Fixtures.readTree(Fixtures.golden(LABEL)).get("manifest.json");
    SignManifestPort.Signed signed = signer.sign("other bytes".getBytes(StandardCharsets.UTF_8));
    byte[] forged =
        ManifestSignature.of(manifest, signed.scheme(), signed.keyId(), signed.signature())
            .toBytes(); // this manifest's hash, the key's id and scheme, a signature of other bytes
    s3.putObject(b -> b.bucket(bucket).key(sigKey), RequestBody.fromBytes(forged));

    RunpackException e = assertThrows(RunpackException.class, () -> export(s3, writeOnce, signer));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        "s3://" + bucket + "/" + sigKey + " already holds different bytes (write-once storage)",
        e.getMessage());
    Map<String, byte[]> after = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    assertEquals(false, after.containsKey("manifest.json"), "no manifest beside it");
    assertArrayEquals(forged, after.get("manifest.json.sig"));
  }

  @Test
  void writeOnceRefusesASignedExportOfAnotherManifestBeforeWritingItsSignature() {
    S3Client s3 = LocalAws.s3();
    S3Settings writeOnce = new S3Settings(bucket, Optional.empty(), true, 8);
    String request = new String(Fixtures.read(Fixtures.request(LABEL)), StandardCharsets.UTF_8);
    export(s3, writeOnce, Optional.empty(), request);
    Map<String, byte[]> before = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    String later = request.replace("\"value\": 10", "\"value\": 11"); // generated_at

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> export(s3, writeOnce, Optional.of(Ed25519Signer.generate()), later));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        "s3://"
            + bucket
            + "/"
            + S3ExportTest.PREFIX
            + "manifest.json already holds different bytes (write-once storage)",
        e.getMessage());
    Map<String, byte[]> after = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    assertEquals(
        before.keySet(), after.keySet(), "no signature beside the manifest it would not sign");
    before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
  }

  @Test
  void writeOnceSignedExportSucceedsWhereS3AnswersAMissingManifestWith403() {
    // S3 says 403, not 404, for a missing key to a role without s3:ListBucket (the function's)
    S3Client s3 = LocalAws.s3(LocalAws.stack().s3Endpoint(), List.of(forbiddingAttributes()), 3);
    S3Settings writeOnce = new S3Settings(bucket, Optional.empty(), true, 8);

    export(s3, writeOnce, Ed25519Signer.generate());

    Map<String, byte[]> objects = AwsExport.objects(LocalAws.s3(), bucket, S3ExportTest.PREFIX);
    assertEquals(true, objects.containsKey("manifest.json"), objects.keySet().toString());
    assertEquals(true, objects.containsKey("manifest.json.sig"), objects.keySet().toString());
  }

  /** GetObjectAttributes answered 403 AccessDenied, as S3 answers it for a key that is missing. */
  private static ExecutionInterceptor forbiddingAttributes() {
    return new ExecutionInterceptor() {
      @Override
      public SdkHttpResponse modifyHttpResponse(
          Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        return context.request() instanceof GetObjectAttributesRequest
            ? context.httpResponse().toBuilder().statusCode(403).build()
            : context.httpResponse();
      }

      @Override
      public Optional<InputStream> modifyHttpResponseContent(
          Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof GetObjectAttributesRequest)) {
          return context.responseBody();
        }
        return Optional.of(
            new ByteArrayInputStream(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                        + "<Message>Access Denied</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8)));
      }
    };
  }

  private static void export(S3Client s3, S3Settings settings, SignManifestPort signer) {
    export(
        s3,
        settings,
        Optional.of(signer),
        new String(Fixtures.read(Fixtures.request(LABEL)), StandardCharsets.UTF_8));
  }

  private static void export(
      S3Client s3, S3Settings settings, Optional<SignManifestPort> signer, String request) {
    try (S3RunpackStorage storage = new S3RunpackStorage(s3, settings)) {
      new ExportRunpackService(
              new DynamoDbRunStore(dynamoDb, table, LocalRunpack.CODEC),
              storage,
              LocalRunpack.CODEC,
              AwsExport.DG_SETTINGS,
              signer)
          .export(
              ExportRunpackCommand.fromJson(
                  LocalRunpack.json(request.getBytes(StandardCharsets.UTF_8))));
    }
  }

  private static ExecutionInterceptor recording(List<String> puts) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
        if (context.request() instanceof PutObjectRequest put) {
          puts.add(put.key());
        }
      }
    };
  }
}

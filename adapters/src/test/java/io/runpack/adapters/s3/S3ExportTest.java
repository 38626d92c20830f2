package io.runpack.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** DynamoDB to S3 through the real APIs: the objects are Decision Gate's runpack, byte for byte. */
class S3ExportTest {

  static final List<String> LABELS = Fixtures.LABELS;
  static final String PREFIX =
      "tenant/1/namespace/1/scenario/golden-visibility/run/run-2/spec/sha256/"
          + "df1ae4e58356510a0357c9075272ad42da6fc0a8570252b09c10bd04ff0f63c4/";

  static S3Client s3;
  static DynamoDbClient dynamoDb;
  String bucket;
  String table;

  @BeforeAll
  static void connect() {
    s3 = LocalAws.s3();
    dynamoDb = LocalAws.dynamoDb();
  }

  @BeforeEach
  void createBucketAndTable() {
    bucket = LocalAws.newBucket(s3);
    table = LocalAws.newTable(dynamoDb, RunLogTable::create);
  }

  @ParameterizedTest
  @FieldSource("LABELS")
  void importedReferenceRunExportsToTheReferenceObjects(String label) {
    AwsExport.importRun(dynamoDb, table, Fixtures.read(Fixtures.runBundle(label)));

    ExportResult result = AwsExport.export(dynamoDb, table, s3, S3Settings.of(bucket), label);

    String prefix = result.storageUri().orElseThrow().substring(("s3://" + bucket + "/").length());
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(label));
    Map<String, byte[]> actual = AwsExport.objects(s3, bucket, prefix);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    assertArrayEquals(
        expected.get("manifest.json"), CanonicalJson.toBytes(result.manifest().toJson()));
  }

  @Test
  void storageUriFollowsTheFormatWithAndWithoutARootPrefix() {
    AwsExport.importRun(
        dynamoDb, table, Fixtures.read(Fixtures.runBundle("golden_visibility_packet")));

    ExportResult plain =
        AwsExport.export(dynamoDb, table, s3, S3Settings.of(bucket), "golden_visibility_packet");
    ExportResult prefixed =
        AwsExport.export(
            dynamoDb,
            table,
            s3,
            new S3Settings(bucket, Optional.of("audit/runpacks/"), false, 4),
            "golden_visibility_packet");

    assertEquals(Optional.of("s3://" + bucket + "/" + PREFIX), plain.storageUri());
    assertEquals(
        Optional.of("s3://" + bucket + "/audit/runpacks/" + PREFIX), prefixed.storageUri());
    assertEquals(9, AwsExport.objects(s3, bucket, "audit/runpacks/" + PREFIX).size());
  }

  @Test
  void everyObjectIsJsonWithItsManifestDigestAsStoredChecksum() {
    AwsExport.importRun(
        dynamoDb, table, Fixtures.read(Fixtures.runBundle("golden_visibility_packet")));
    ExportResult result =
        AwsExport.export(dynamoDb, table, s3, S3Settings.of(bucket), "golden_visibility_packet");

    for (var artifact : result.manifest().artifacts()) {
      HeadObjectResponse head =
          s3.headObject(
              r ->
                  r.bucket(bucket)
                      .key(PREFIX + artifact.path())
                      .checksumMode(ChecksumMode.ENABLED));
      assertEquals("application/json", head.contentType(), artifact.path());
      assertEquals(
          artifact.hash().value(),
          HexFormat.of().formatHex(Base64.getDecoder().decode(head.checksumSHA256())),
          artifact.path());
    }
    HeadObjectResponse manifest =
        s3.headObject(r -> r.bucket(bucket).key(PREFIX + "manifest.json"));
    assertEquals("application/json", manifest.contentType());
  }

  @Test
  void s3RefusesBytesThatDoNotMatchTheirChecksum() {
    String wrong = S3RunpackStorage.base64Sha256(Sha256.of("other bytes".getBytes()));

    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                s3.putObject(
                    r -> r.bucket(bucket).key("x.json").checksumSHA256(wrong),
                    RequestBody.fromString("[]")));

    assertEquals(400, e.statusCode());
    assertEquals(0, AwsExport.objects(s3, bucket, "").size());
  }

  @Test
  void invalidRootPrefixIsRefusedBeforeAnyWrite() {
    AwsExport.importRun(
        dynamoDb, table, Fixtures.read(Fixtures.runBundle("golden_visibility_packet")));

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                AwsExport.export(
                    dynamoDb,
                    table,
                    s3,
                    new S3Settings(bucket, Optional.of("a/../b"), false, 4),
                    "golden_visibility_packet"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals(
        "S3 key segment root prefix \"..\" is invalid: has a \"..\" component", e.getMessage());
    assertEquals(0, AwsExport.objects(s3, bucket, "").size());
  }

  @Test
  void keyLongerThanS3AllowsIsRefusedBeforeAnyWrite() {
    AwsExport.importRun(
        dynamoDb, table, Fixtures.read(Fixtures.runBundle("golden_visibility_packet")));
    String x = "x".repeat(216);
    String root = x + "/" + x + "/" + x + "/" + "x".repeat(213); // the prefix: 1,000 bytes

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                AwsExport.export(
                    dynamoDb,
                    table,
                    s3,
                    new S3Settings(bucket, Optional.of(root), false, 4),
                    "golden_visibility_packet"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertTrue(
        e.getMessage()
            .matches(
                "the key of artifacts/\\w+\\.json is 10(2[5-9]|30) bytes long, over"
                    + " S3's limit of 1024 bytes"),
        e.getMessage());
    assertEquals(0, AwsExport.objects(s3, bucket, "").size());
  }

  @Test
  void missingRunInDynamoDbWritesNothing() {
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                AwsExport.export(
                    dynamoDb, table, s3, S3Settings.of(bucket), "golden_visibility_packet"));

    assertEquals(ErrorCode.RUN_NOT_FOUND, e.code());
    assertTrue(AwsExport.objects(s3, bucket, "").isEmpty());
  }
}

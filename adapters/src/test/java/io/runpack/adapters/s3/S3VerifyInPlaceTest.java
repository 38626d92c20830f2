package io.runpack.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Verifying a runpack where it lies in S3: file hashes come from the checksums S3 stored, so only
 * the manifest and the decision log are downloaded; tampering and oversize are still caught.
 */
class S3VerifyInPlaceTest {

  private static final String LABEL = "golden_visibility_packet";

  static S3Client s3;
  static DynamoDbClient dynamoDb;
  static LocalAws.OperationCounter counter = new LocalAws.OperationCounter();
  static S3Client counted;
  String bucket;
  String uri;

  @BeforeAll
  static void connect() {
    s3 = LocalAws.s3();
    counted = LocalAws.s3(LocalAws.stack().s3Endpoint(), List.of(counter), 2);
    dynamoDb = LocalAws.dynamoDb();
  }

  @BeforeEach
  void exportReference() {
    bucket = LocalAws.newBucket(s3);
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    AwsExport.importRun(dynamoDb, table, Fixtures.read(Fixtures.runBundle(LABEL)));
    uri =
        AwsExport.export(dynamoDb, table, s3, S3Settings.of(bucket), LABEL)
            .storageUri()
            .orElseThrow();
    counter.reset();
  }

  @Test
  void exportedRunpackPassesDownloadingOnlyTheManifestAndDecisionLog() {
    VerificationReport report = verify();

    assertEquals(List.of(), report.errors());
    assertEquals(8, report.checkedFiles());
    assertEquals(2, counter.count("GetObject"), "manifest and decision log");
    assertEquals(
        7, counter.count("GetObjectAttributes"), "the decision log is hashed from its bytes");
  }

  @Test
  void objectOverwrittenOutOfBandFailsNamingTheFile() {
    s3.putObject(
        r -> r.bucket(bucket).key(key("artifacts/triggers.json")), RequestBody.fromString("[]"));

    VerificationReport report = verify();

    assertEquals(List.of("hash mismatch for artifacts/triggers.json"), report.errors());
    assertEquals("fail", report.status());
  }

  @Test
  void objectOverwrittenWithItsOwnChecksumFailsToo() {
    s3.putObject(
        r -> r.bucket(bucket).key(key("artifacts/packets.json")).checksumAlgorithm("SHA256"),
        RequestBody.fromString("[{\"forged\":true}]"));

    assertEquals(List.of("hash mismatch for artifacts/packets.json"), verify().errors());
  }

  @Test
  void objectOver16MiBIsRefusedWithoutDownloadingIt() {
    s3.putObject(
        r -> r.bucket(bucket).key(key("artifacts/triggers.json")),
        RequestBody.fromBytes(new byte[Limits.MAX_ARTIFACT_BYTES + 1]));
    counter.reset();

    VerificationReport report = verify();

    assertEquals(
        List.of(
            "artifact read failed for artifacts/triggers.json: larger than the limit of 16777216 bytes"),
        report.errors());
    assertEquals(2, counter.count("GetObject"), "the oversized object is not downloaded");
  }

  @Test
  void oversizedObjectIsRefusedFromItsContentLengthWhenRead() {
    s3.putObject(
        r -> r.bucket(bucket).key(key("artifacts/decisions.json")),
        RequestBody.fromBytes(new byte[Limits.MAX_ARTIFACT_BYTES + 1]));

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                S3RunpackReader.at(s3, uri)
                    .read("artifacts/decisions.json", Limits.MAX_ARTIFACT_BYTES));

    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("larger than the limit of 16777216 bytes", e.getMessage());
  }

  @Test
  void missingObjectAndUnsafePathsAreReadFailures() {
    s3.deleteObject(r -> r.bucket(bucket).key(key("artifacts/packets.json")));
    String manifest =
        new String(
            s3.getObjectAsBytes(r -> r.bucket(bucket).key(key("manifest.json"))).asByteArray());
    s3.putObject(
        r -> r.bucket(bucket).key(key("manifest.json")),
        RequestBody.fromString(
            manifest.replace(
                "\"path\":\"artifacts/submissions.json\"}", "\"path\":\"../../x.json\"}")));

    VerificationReport report = verify();

    assertEquals(
        List.of(
            "artifact read failed for artifacts/packets.json: no such file",
            "artifact read failed for ../../x.json: unsafe path: has a \"..\" component",
            "root hash mismatch"),
        report.errors());
  }

  @Test
  void missingManifestIsAnInvalidManifestError() {
    s3.deleteObject(r -> r.bucket(bucket).key(key("manifest.json")));

    RunpackException e = assertThrows(RunpackException.class, this::verify);

    assertEquals(ErrorCode.INVALID_MANIFEST, e.code());
    assertEquals("cannot read manifest manifest.json: no such file", e.getMessage());
  }

  @Test
  void prefixIsReadLiterallyNotAsThePrefixItWouldDecodeTo() {
    copyRunpackTo("run/release%2D1/"); // a run id with a '%' in it, as storage_uri writes it
    copyRunpackTo("run/release-1/"); // what "%2D" decodes to: another run's runpack
    s3.putObject(
        r -> r.bucket(bucket).key("run/release%2D1/artifacts/decisions.json"),
        RequestBody.fromString("[]"));

    VerificationReport tampered = verify("s3://" + bucket + "/run/release%2D1/");

    assertEquals(List.of("hash mismatch for artifacts/decisions.json"), tampered.errors());
    assertEquals("pass", verify("s3://" + bucket + "/run/release-1/").status());
  }

  @Test
  void questionMarkHashAndSpaceArePartOfThePrefix() {
    for (String prefix : List.of("run/q?x/", "run/h#x/", "run/s x/")) {
      copyRunpackTo(prefix);

      VerificationReport report = verify("s3://" + bucket + "/" + prefix);

      assertEquals(List.of(), report.errors(), prefix);
      assertEquals(8, report.checkedFiles(), prefix);
    }
  }

  @Test
  void legacyBucketNamesAreS3Uris() {
    S3RunpackReader.at(s3, "s3://My_Legacy.Bucket/x/"); // us-east-1's older rules
  }

  @Test
  void notAnS3UriIsAnInvalidRequest() {
    for (String location :
        List.of(
            "s3:/" + bucket + "/x/",
            "S3://" + bucket + "/",
            "s3:///x/",
            "s3://ab/x/",
            "s3://a b/")) {
      RunpackException e =
          assertThrows(RunpackException.class, () -> S3RunpackReader.at(s3, location));

      assertEquals(ErrorCode.INVALID_REQUEST, e.code(), location);
    }
  }

  @Test
  void aManifestListingManyFilesIsReadOnlyUpToTheRequestLimit() {
    String manifest = manifestText();
    StringBuilder listed = new StringBuilder("\"file_hashes\":[");
    for (int i = 0; i < 40; i++) {
      listed.append("{\"hash\":{\"algorithm\":\"sha256\",\"value\":\"");
      listed.append("0".repeat(64)).append("\"},\"path\":\"extra/").append(i).append(".json\"},");
    }
    putManifest(manifest.replace("\"file_hashes\":[", listed));
    counter.reset();

    VerificationReport report = verify(new S3RunpackReader(counted, bucket, key(""), 20, 1L << 30));

    assertEquals(
        true,
        report
            .errors()
            .contains(
                "artifact read failed for extra/39.json: not read: this verification already made"
                    + " 20 requests to S3, its limit (a runpack's files take one or two each)"),
        report.errors().toString());
    assertEquals(20, counter.count("GetObject") + counter.count("GetObjectAttributes"));
    assertEquals(1024, S3RunpackReader.MAX_REQUESTS);
  }

  @Test
  void downloadsStopAtTheByteLimit() {
    long manifestBytes = manifestText().getBytes(StandardCharsets.UTF_8).length;

    VerificationReport report =
        verify(
            new S3RunpackReader(
                counted, bucket, key(""), S3RunpackReader.MAX_REQUESTS, manifestBytes + 10));

    assertEquals("fail", report.status());
    assertEquals(
        true,
        report.errors().stream()
            .anyMatch(
                e ->
                    e.endsWith(
                        "not read: this verification downloaded more than "
                            + (manifestBytes + 10)
                            + " bytes from S3, its limit (a whole runpack is less than 160 MiB)")),
        report.errors().toString());
    assertEquals(256L << 20, S3RunpackReader.MAX_BYTES_DOWNLOADED);
  }

  private String manifestText() {
    return new String(
        s3.getObjectAsBytes(r -> r.bucket(bucket).key(key("manifest.json"))).asByteArray(),
        StandardCharsets.UTF_8);
  }

  private void putManifest(String manifest) {
    s3.putObject(
        r -> r.bucket(bucket).key(key("manifest.json")).checksumAlgorithm("SHA256"),
        RequestBody.fromString(manifest));
  }

  private void copyRunpackTo(String prefix) {
    String from = key("");
    s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(from)).contents().stream()
        .forEach(
            object ->
                s3.copyObject(
                    r ->
                        r.sourceBucket(bucket)
                            .sourceKey(object.key())
                            .destinationBucket(bucket)
                            .destinationKey(prefix + object.key().substring(from.length()))
                            .checksumAlgorithm("SHA256")));
  }

  private VerificationReport verify() {
    return verify(uri);
  }

  private VerificationReport verify(String location) {
    return verify(S3RunpackReader.at(counted, location));
  }

  private VerificationReport verify(S3RunpackReader reader) {
    return new VerifyRunpackService(LocalRunpack.CODEC)
        .verify(new VerifyRunpackCommand(reader, RunpackPath.of("manifest.json")));
  }

  private String key(String path) {
    return uri.substring(("s3://" + bucket + "/").length()) + path;
  }
}

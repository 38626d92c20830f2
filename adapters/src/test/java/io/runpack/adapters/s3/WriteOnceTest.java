package io.runpack.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Write-once storage (conditional writes): identical re-exports succeed, changed runs are a
 * conflict.
 */
class WriteOnceTest {

  private static final String LABEL = "golden_visibility_packet";

  static S3Client s3;
  static DynamoDbClient dynamoDb;
  String bucket;
  S3Settings writeOnce;

  @BeforeAll
  static void connect() {
    s3 = LocalAws.s3();
    dynamoDb = LocalAws.dynamoDb();
  }

  @BeforeEach
  void freshBucket() {
    bucket = LocalAws.newBucket(s3);
    writeOnce = new S3Settings(bucket, Optional.empty(), true, 8);
  }

  @Test
  void identicalReExportSucceeds() {
    String table = tableWith(Fixtures.read(Fixtures.runBundle(LABEL)));

    ExportResult first = AwsExport.export(dynamoDb, table, s3, writeOnce, LABEL);
    ExportResult second = AwsExport.export(dynamoDb, table, s3, writeOnce, LABEL);

    assertEquals(first.toJson(), second.toJson());
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(LABEL));
    Map<String, byte[]> actual = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  @Test
  void changedRunUnderTheSameKeyIsAConflictAndChangesNothing() {
    AwsExport.export(
        dynamoDb, tableWith(Fixtures.read(Fixtures.runBundle(LABEL))), s3, writeOnce, LABEL);
    Map<String, byte[]> before = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    String changed =
        new String(Fixtures.read(Fixtures.runBundle(LABEL)), StandardCharsets.UTF_8)
            .replace("\"source_id\": \"system-tests\"", "\"source_id\": \"someone-else\"");

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                AwsExport.export(
                    dynamoDb,
                    tableWith(changed.getBytes(StandardCharsets.UTF_8)),
                    s3,
                    writeOnce,
                    LABEL));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertTrue(
        e.getMessage().startsWith("s3://" + bucket + "/" + S3ExportTest.PREFIX), e.getMessage());
    assertTrue(
        e.getMessage().endsWith(" already holds different bytes (write-once storage)"),
        e.getMessage());
    Map<String, byte[]> after = AwsExport.objects(s3, bucket, S3ExportTest.PREFIX);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
  }

  @Test
  void withoutWriteOnceAChangedRunReplacesTheRunpack() {
    AwsExport.export(
        dynamoDb,
        tableWith(Fixtures.read(Fixtures.runBundle(LABEL))),
        s3,
        S3Settings.of(bucket),
        LABEL);
    String changed =
        new String(Fixtures.read(Fixtures.runBundle(LABEL)), StandardCharsets.UTF_8)
            .replace("\"source_id\": \"system-tests\"", "\"source_id\": \"someone-else\"");

    ExportResult result =
        AwsExport.export(
            dynamoDb,
            tableWith(changed.getBytes(StandardCharsets.UTF_8)),
            s3,
            S3Settings.of(bucket),
            LABEL);

    assertTrue(
        new String(
                AwsExport.objects(s3, bucket, S3ExportTest.PREFIX).get("artifacts/triggers.json"),
                StandardCharsets.UTF_8)
            .contains("someone-else"));
    assertEquals("pass", result.report().orElseThrow().status());
  }

  private String tableWith(byte[] bundle) {
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    AwsExport.importRun(dynamoDb, table, bundle);
    return table;
  }
}

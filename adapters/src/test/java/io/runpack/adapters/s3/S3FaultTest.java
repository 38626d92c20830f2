package io.runpack.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.localaws.FaultyHttpProxy;
import io.runpack.localaws.LocalAwsStack;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 failing at each write in turn (a 500, or a connection dropped, from a proxy in front of the
 * real S3 API): no manifest is ever left behind, the export fails with storage_error, and a retry
 * then produces the identical runpack.
 */
class S3FaultTest {

  private static final String LABEL = "golden_visibility_packet";
  private static final int PUTS = 9; // eight artifacts, then the manifest

  static FaultyHttpProxy proxy;
  static S3Client direct;
  static S3Client throughProxy;
  static DynamoDbClient dynamoDb;
  String bucket;
  String table;

  @BeforeAll
  static void connect() {
    direct = LocalAws.s3();
    proxy = FaultyHttpProxy.in(LocalAws.stack().s3Endpoint());
    throughProxy = LocalAws.s3(proxy.endpoint(), List.of(), 2);
    dynamoDb = LocalAws.dynamoDb();
  }

  @AfterAll
  static void stopProxy() {
    proxy.close();
  }

  @BeforeEach
  void freshStorage() {
    proxy.heal();
    bucket = LocalAws.newBucket(direct);
    table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    AwsExport.importRun(dynamoDb, table, Fixtures.read(Fixtures.runBundle(LABEL)));
  }

  static Stream<Arguments> everyWriteAndFault() {
    return IntStream.rangeClosed(1, PUTS)
        .boxed()
        .flatMap(
            n ->
                Stream.of(
                    Arguments.of(n, FaultyHttpProxy.Fault.INTERNAL_ERROR),
                    Arguments.of(n, FaultyHttpProxy.Fault.CONNECTION_DROPPED)));
  }

  @ParameterizedTest(name = "PUT {0} fails with {1}")
  @MethodSource("everyWriteAndFault")
  void failedWriteLeavesNoManifestAndARetryProducesTheSameRunpack(
      int failingPut, FaultyHttpProxy.Fault fault) {
    proxy.failNth("PUT", failingPut, fault); // that PUT and the SDK's retries of it fail

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                AwsExport.export(
                    dynamoDb,
                    table,
                    throughProxy,
                    new S3Settings(bucket, java.util.Optional.empty(), false, 1),
                    LABEL));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("S3 PutObject of s3://" + bucket + "/"), e.getMessage());
    Map<String, byte[]> written = AwsExport.objects(direct, bucket, S3ExportTest.PREFIX);
    assertFalse(
        written.containsKey("manifest.json"),
        "no manifest after a failed write: " + written.keySet());

    proxy.heal();
    AwsExport.export(dynamoDb, table, throughProxy, S3Settings.of(bucket), LABEL);

    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(LABEL));
    Map<String, byte[]> actual = AwsExport.objects(direct, bucket, S3ExportTest.PREFIX);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  @Test
  void stoppedS3IsAStorageErrorWithinTheClientsTimeouts() {
    S3Client nowhere =
        LocalAws.s3(URI.create("http://127.0.0.1:" + LocalAwsStack.freePort()), List.of(), 1);
    long start = System.nanoTime();

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> AwsExport.export(dynamoDb, table, nowhere, S3Settings.of(bucket), LABEL));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code());
    assertTrue(System.nanoTime() - start < 60_000_000_000L);
    assertTrue(AwsExport.objects(direct, bucket, "").isEmpty());
  }
}

package io.runpack.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.localaws.FaultyHttpProxy;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 12's races against S3, write-once and not: two exports of one run at once, one of them
 * failing mid-way (a proxy in front of the real S3 API fails its n-th PUT), or one failing before
 * or after the other completed. The export that succeeded always stands: the runpack verifies in
 * place and equals Decision Gate's, byte for byte. A conditional PUT answered with S3's 409
 * (another conditional write of the key under way) is retried, not taken for a missing object.
 */
class S3ConcurrentExportTest {

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
    throughProxy = LocalAws.s3(proxy.endpoint(), List.of(), 1);
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

  static Stream<Arguments> modesAndFailingPuts() {
    return Stream.of(true, false)
        .flatMap(writeOnce -> IntStream.of(1, 5, PUTS).mapToObj(n -> Arguments.of(writeOnce, n)));
  }

  @ParameterizedTest(name = "write-once {0}, PUT {1} of one exporter fails")
  @MethodSource("modesAndFailingPuts")
  void twoExportsAtOnceOneFailingMidWayLeaveTheOtherStanding(boolean writeOnce, int failingPut)
      throws Exception {
    proxy.failNth("PUT", failingPut, FaultyHttpProxy.Fault.INTERNAL_ERROR);
    CyclicBarrier start = new CyclicBarrier(2);

    CompletableFuture<Optional<ErrorCode>> failing =
        CompletableFuture.supplyAsync(() -> export(start, throughProxy, writeOnce));
    CompletableFuture<Optional<ErrorCode>> succeeding =
        CompletableFuture.supplyAsync(() -> export(start, direct, writeOnce));

    assertEquals(Optional.empty(), succeeding.get());
    assertEquals(Optional.of(ErrorCode.STORAGE_ERROR), failing.get());
    assertReferenceRunpackVerifies();
  }

  @ParameterizedTest(name = "write-once {0}")
  @ValueSource(booleans = {true, false})
  void exportFailingMidWayBeforeOrAfterAnotherCompletesUndoesNothing(boolean writeOnce)
      throws Exception {
    proxy.failNth("PUT", 5, FaultyHttpProxy.Fault.CONNECTION_DROPPED);
    assertEquals(
        Optional.of(ErrorCode.STORAGE_ERROR), export(null, throughProxy, writeOnce), "before");
    assertEquals(Optional.empty(), export(null, direct, writeOnce));
    assertReferenceRunpackVerifies();

    proxy.failNth("PUT", 5, FaultyHttpProxy.Fault.CONNECTION_DROPPED);
    assertEquals(
        Optional.of(ErrorCode.STORAGE_ERROR), export(null, throughProxy, writeOnce), "after");
    assertReferenceRunpackVerifies();
  }

  @ParameterizedTest(name = "conditional PUT {0} answered 409")
  @ValueSource(ints = {1, 4, PUTS})
  void conditionalWriteConflictIsRetried(int conflictingPut) {
    proxy.failOnlyNth("PUT", conflictingPut, FaultyHttpProxy.Fault.CONDITIONAL_CONFLICT);

    assertEquals(Optional.empty(), export(null, throughProxy, true));

    assertReferenceRunpackVerifies();
  }

  @ParameterizedTest(name = "conditional PUT {0} answered 409 for good")
  @ValueSource(ints = {1, PUTS})
  void conditionalWriteConflictThatPersistsIsAStorageError(int conflictingPut) {
    proxy.failNth("PUT", conflictingPut, FaultyHttpProxy.Fault.CONDITIONAL_CONFLICT);

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> AwsExport.export(dynamoDb, table, throughProxy, settings(true), LABEL));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 409 ConditionalRequestConflict"), e.getMessage());
  }

  private Optional<ErrorCode> export(CyclicBarrier start, S3Client s3, boolean writeOnce) {
    try {
      if (start != null) {
        start.await();
      }
      AwsExport.export(dynamoDb, table, s3, settings(writeOnce), LABEL);
      return Optional.empty();
    } catch (RunpackException e) {
      return Optional.of(e.code());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private S3Settings settings(boolean writeOnce) {
    return new S3Settings(bucket, Optional.empty(), writeOnce, 2);
  }

  private void assertReferenceRunpackVerifies() {
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(LABEL));
    Map<String, byte[]> actual = AwsExport.objects(direct, bucket, S3ExportTest.PREFIX);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    assertEquals(
        List.of(),
        new VerifyRunpackService(LocalRunpack.CODEC)
            .verify(
                new VerifyRunpackCommand(
                    new S3RunpackReader(direct, bucket, S3ExportTest.PREFIX),
                    RunpackPath.of("manifest.json")))
            .errors());
  }
}

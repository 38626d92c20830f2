package io.runpack.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.testsupport.LocalAws;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The end-to-end benchmark's sides issue the same requests: each floor reads every item the export
 * it stands for reads and writes as many objects of the same bytes, against the real local stack.
 */
class EndToEndTest {

  @Test
  void theFloorIssuesTheRequestsOfTheExport() throws Exception {
    LocalAws.OperationCounter counter = new LocalAws.OperationCounter();
    EndToEnd endToEnd = prepared(counter, 300);
    counter.reset();
    ExportResult result = endToEnd.export();
    int exportQueries = counter.count("Query");
    assertEquals(endToEnd.fileCount(), counter.count("PutObject"));
    assertEquals(
        0, counter.count("GetObjectAttributes"), "a new runpack: no write-once comparison");
    assertEquals(endToEnd.runpackBytes(), result.runpackBytes());
    endToEnd.export();
    assertEquals(2 * endToEnd.fileCount(), counter.count("PutObject"));
    assertEquals(0, counter.count("GetObjectAttributes"), "each export writes a new runpack");
    assertTrue(result.report().orElseThrow().passed(), "the exported runpack verifies");

    counter.reset();
    assertEquals(301, endToEnd.ioFloor(), "300 records and the run item");
    assertEquals(exportQueries, counter.count("Query"));
    assertEquals(1, counter.count("GetItem"));
    assertEquals(endToEnd.fileCount(), counter.count("PutObject"));
  }

  @Test
  void theParallelFloorIssuesTheRequestsOfTheExportAndTheIoFloorThoseOfTheSequentialExport()
      throws Exception {
    LocalAws.OperationCounter counter = new LocalAws.OperationCounter();
    EndToEnd endToEnd = prepared(counter, 3000);

    counter.reset();
    endToEnd.export();
    int exportQueries = counter.count("Query");
    counter.reset();
    assertEquals(3001, endToEnd.parallelFloor(), "3,000 records and the run item");
    assertEquals(exportQueries, counter.count("Query"));
    assertEquals(1, counter.count("GetItem"));
    assertEquals(endToEnd.fileCount(), counter.count("PutObject"));

    counter.reset();
    endToEnd.exportSequential();
    int sequentialQueries = counter.count("Query");
    counter.reset();
    assertEquals(3001, endToEnd.ioFloor());
    assertEquals(sequentialQueries, counter.count("Query"));
    assertTrue(sequentialQueries >= 3, "a run of several pages: " + sequentialQueries);
  }

  /**
   * A run of {@code records} on a new table and bucket, every request counted by {@code counter}.
   */
  private static EndToEnd prepared(LocalAws.OperationCounter counter, int records)
      throws Exception {
    DynamoDbClient dynamoDb =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(counter));
    S3Client s3 = LocalAws.s3(LocalAws.stack().s3Endpoint(), List.of(counter), 3);
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    String bucket = LocalAws.newBucket(s3);
    return EndToEnd.prepare(dynamoDb, s3, table, bucket, BenchmarkRuns.ofRecords(records));
  }
}

package io.runpack.benchmarks;

import io.runpack.domain.port.in.ExportResult;
import io.runpack.testsupport.LocalAws;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One export in a JVM of its own, started by {@link EndToEndProbe} with the heap limit under test
 * and the function's JVM flags: prints the SDK operations it made, the heap pools' peak occupancy
 * (garbage included, so it tends to the limit given: the live need is the smallest limit under
 * which the export completes, which {@link EndToEndProbe} searches), the collections and how long
 * it took, as one JSON line. Arguments: S3 endpoint, DynamoDB endpoint, table, bucket, run id.
 */
public final class ExportOnce {

  private ExportOnce() {}

  public static void main(String[] args) throws Exception {
    LocalAws.OperationCounter counter = new LocalAws.OperationCounter();
    DynamoDbClient dynamoDb = LocalAws.dynamoDb(URI.create(args[1]), List.of(counter));
    S3Client s3 = LocalAws.s3(URI.create(args[0]), List.of(counter), 3);
    EndToEnd endToEnd = new EndToEnd(dynamoDb, s3, args[2], args[3], args[4]);
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    long before = 0;
    for (MemoryPoolMXBean pool : heap) {
      pool.resetPeakUsage();
      before += pool.getUsage().getUsed();
    }
    long gcsBefore = collections();
    long start = System.nanoTime();
    ExportResult result = endToEnd.export();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : heap) {
      peak += pool.getPeakUsage().getUsed();
    }
    System.out.printf(
        Locale.ROOT,
        "{\"first_export_ms\":%d,\"runpack_bytes\":%d,\"heap_before\":%d,\"peak_heap\":%d,\"gcs\":%d,"
            + "\"query\":%d,\"get_item\":%d,\"put_object\":%d,\"other_requests\":%d}%n",
        millis,
        result.runpackBytes(),
        before,
        peak,
        collections() - gcsBefore,
        counter.count("Query"),
        counter.count("GetItem"),
        counter.count("PutObject"),
        counter.total()
            - counter.count("Query")
            - counter.count("GetItem")
            - counter.count("PutObject"));
  }

  private static long collections() {
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
    }
    return count;
  }
}

package io.runpack.benchmarks;

import io.runpack.domain.port.in.ExportResult;
import io.runpack.testsupport.LocalAws;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole exports, DynamoDB (dynalite) → S3 (S3Mock) over loopback HTTP with the AWS SDK, against
 * the I/O floor of the same run measured in the same fork ({@link EndToEnd}). The local stack is
 * started by the fork and stopped when it exits; each run is imported once per fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class EndToEndBenchmark {

  @Param({"1000", "10000", BenchmarkRuns.LARGEST})
  public String run;

  private EndToEnd endToEnd;

  @Setup(Level.Trial)
  public void importRun() {
    DynamoDbClient dynamoDb = LocalAws.dynamoDb();
    S3Client s3 = LocalAws.s3();
    endToEnd = EndToEnd.prepare(dynamoDb, s3, LocalAws.newTable(dynamoDb), LocalAws.newBucket(s3), BenchmarkRuns.named(run));
  }

  @TearDown(Level.Trial)
  public void close() {
    endToEnd.close();
  }

  @Benchmark
  public ExportResult runpack() {
    return endToEnd.export();
  }

  @Benchmark
  public int ioFloor() throws Exception {
    return endToEnd.ioFloor();
  }
}

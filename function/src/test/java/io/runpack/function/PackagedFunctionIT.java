package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.model.LoadedRun;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import io.runpack.localaws.LocalAwsStack;
import io.runpack.localaws.LocalLambdaRuntime;
import io.runpack.localaws.PackagedFunction;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged function run as Lambda's Java runtime runs it: function.zip unpacked as the task
 * directory, a fresh JVM running the Lambda Runtime Interface Client with the Quarkus stream
 * handler, polling a Lambda Runtime API endpoint (here a local one), with the production
 * configuration against the local AWS stack. It must export the reference run; the time from
 * process start to that first answer (the cold start) is written to target/cold-start.txt.
 */
class PackagedFunctionIT {

  static final Path ZIP = Path.of(System.getProperty("test.function.zip", "target/function.zip"));
  static final Path RIC = Path.of(System.getProperty("test.lambda.ric.dir", "target/lambda-ric"));
  static final String HANDLER =
      "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
  static final String LABEL = "golden_visibility_packet";
  static final int RUNS = 3;
  static String bucket;
  static String table;
  static Path task;

  @BeforeAll
  static void prepareStorage() throws IOException {
    assertTrue(Files.isRegularFile(ZIP), "package the function first: " + ZIP);
    task = PackagedFunction.unpack(ZIP, Files.createTempDirectory("runpack-task"));
    LocalAwsStack stack = LocalAwsStack.shared();
    bucket = "runpack-packaged-" + UUID.randomUUID().toString().substring(0, 8);
    table = LocalAws.newTable(LocalAws.dynamoDb(), RunLogTable::create);
    stack.createBucket(bucket);
    new DynamoDbRunImporter(LocalAws.dynamoDb(), table)
        .importRun(
            LoadedRun.fromBundle(
                new JacksonJsonCodec().decode(Fixtures.read(Fixtures.runBundle(LABEL)))));
  }

  @Test
  void packagedFunctionExportsTheReferenceRunAndItsColdStartIsReported() throws Exception {
    List<String> report = new ArrayList<>();
    report.add(
        "Cold start of the packaged function: JVM start to the first completed export (reference run "
            + LABEL
            + ", DynamoDB -> S3 on the local AWS stack), "
            + RUNS
            + " runs each, milliseconds.");
    for (List<String> flags :
        List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))) {
      List<Long> millis = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        millis.add(coldStart(flags));
      }
      millis.sort(null);
      report.add(
          String.format(
              "java %s: median %d ms (min %d, max %d)",
              flags.isEmpty() ? "(default flags)" : String.join(" ", flags),
              millis.get(RUNS / 2),
              millis.get(0),
              millis.get(RUNS - 1)));
    }
    report.add(
        "machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version"));
    Path out = Path.of(System.getProperty("test.report.dir", "target")).resolve("cold-start.txt");
    Files.write(out, report, StandardCharsets.UTF_8);
    report.forEach(System.out::println);
  }

  /** Starts the packaged function, sends it the reference request, returns ms to the answer. */
  private static long coldStart(List<String> flags)
      throws IOException, InterruptedException, Exception {
    try (LocalLambdaRuntime runtime = new LocalLambdaRuntime()) {
      var answer = runtime.invoke(Fixtures.read(Fixtures.request(LABEL)));
      long start = System.nanoTime();
      Process process =
          PackagedFunction.start(
              flags,
              PackagedFunction.classpath(task, RIC),
              HANDLER,
              task,
              runtime,
              PackagedFunction.runpackEnvironment(LocalAwsStack.shared(), table, bucket),
              Path.of(System.getProperty("test.report.dir", "target"), "packaged-function.log"));
      try {
        LocalLambdaRuntime.Answer result = answer.get(120, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(result.error(), new String(result.body(), StandardCharsets.UTF_8));
        JsonObject output = (JsonObject) new JacksonJsonCodec().decode(result.body());
        assertArrayEquals(
            Fixtures.read(Fixtures.golden(LABEL).resolve("manifest.json")),
            CanonicalJson.toBytes(output.get("manifest").orElseThrow()));
        return millis;
      } finally {
        PackagedFunction.stop(process);
        assertEquals(false, runtime.initError().isDone(), "no init error");
      }
    }
  }
}

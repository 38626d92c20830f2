package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.model.LoadedRun;
import io.runpack.json.JsonString;
import io.runpack.localaws.LocalAwsStack;
import io.runpack.localaws.LocalLambdaRuntime;
import io.runpack.localaws.PackagedFunction;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One front door: malformed requests of the corpus (corpus/requests: every third of them, so every
 * kind of defect, over 60 requests) are sent to every front end — the {@code runpack} command, the
 * packaged function invoked directly and through REST and HTTP API events, and dev mode against the
 * local stack — and each gives the same error code and the same message, which starts as the corpus
 * says. Dev mode also exports a real run from the local stack's DynamoDB to its S3, as the README's
 * profile promises.
 */
class FrontEndsAgreeIT {

  static final Path REPOSITORY =
      Path.of(System.getProperty("test.repository.dir", "..")).toAbsolutePath().normalize();
  static final Path CORPUS = REPOSITORY.resolve("corpus/requests");
  static final Path JAR = REPOSITORY.resolve("cli/target/runpack.jar");
  static final Path REPORTS = Path.of(System.getProperty("test.report.dir", "target"));

  static LocalAwsStack stack;
  static String table;
  static String bucket;
  static LocalLambdaRuntime runtime;
  static Process function;
  static Process devMode;
  static int devPort;

  record Case(String name, String messagePrefix, byte[] request, Path file) {}

  @BeforeAll
  static void startEveryFrontEnd() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "package the CLI first: " + JAR);
    stack = LocalAwsStack.shared();
    table = LocalAws.newTable(LocalAws.dynamoDb(), RunLogTable::create);
    bucket = "runpack-front-ends-" + UUID.randomUUID().toString().substring(0, 8);
    stack.createBucket(bucket);
    JacksonJsonCodec codec = new JacksonJsonCodec();
    for (String label : Fixtures.LABELS) {
      new DynamoDbRunImporter(LocalAws.dynamoDb(), table)
          .importRun(LoadedRun.fromBundle(codec.decode(Fixtures.read(Fixtures.runBundle(label)))));
    }
    devPort = LocalAwsStack.freePort();
    devMode =
        FrontEnds.startDevMode(
            REPOSITORY, devPort, table, bucket, stack, REPORTS.resolve("dev-mode-local.log"));
    runtime = new LocalLambdaRuntime();
    Path task =
        PackagedFunction.unpack(
            PackagedFunctionIT.ZIP, Files.createTempDirectory("runpack-front-ends-task"));
    function =
        PackagedFunction.start(
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
            PackagedFunction.classpath(task, PackagedFunctionIT.RIC),
            PackagedFunctionIT.HANDLER,
            task,
            runtime,
            PackagedFunction.runpackEnvironment(stack, table, bucket),
            REPORTS.resolve("front-ends-function.log"));
    awaitDevMode();
  }

  @AfterAll
  static void stopThem() throws InterruptedException {
    if (function != null) {
      PackagedFunction.stop(function);
    }
    if (runtime != null) {
      runtime.close();
    }
    if (devMode != null) {
      devMode.descendants().forEach(ProcessHandle::destroy);
      devMode.destroy();
      if (!devMode.waitFor(30, TimeUnit.SECONDS)) {
        devMode.descendants().forEach(ProcessHandle::destroyForcibly);
        devMode.destroyForcibly();
      }
    }
  }

  @Test
  void everyFrontEndGivesOneCodeAndOneMessagePerBadRequest() throws Exception {
    List<Case> cases = corpus();
    int objectsBefore = objectCount();
    assertTrue(cases.size() >= 60, "every third request of the corpus: " + cases.size());
    List<FrontEnds.Failure> fromCli = cliAnswers(cases);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String tenant = FrontEnds.tenantOf(c.request());
      FrontEnds.Failure cli = fromCli.get(i);
      List<FrontEnds.Failure> others =
          List.of(
              FrontEnds.direct(runtime, c.request()),
              FrontEnds.api(runtime, FrontEnds.httpApi(c.request(), tenant)),
              FrontEnds.api(runtime, FrontEnds.restApi(c.request(), tenant)),
              FrontEnds.devMode(devPort, c.request()));
      for (FrontEnds.Failure other : others) {
        if (!other.equals(cli)) {
          disagreements.add(c.name() + ": CLI «" + cli + "» but «" + other + "»");
        }
      }
      if (!cli.toString().startsWith(c.messagePrefix())) {
        disagreements.add(c.name() + ": «" + cli + "» does not start «" + c.messagePrefix() + "»");
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(objectsBefore, objectCount(), "no bad request wrote a thing");
  }

  @Test
  void devModeExportsFromTheLocalStacksDynamoDbToItsS3() throws Exception {
    String label = "golden_visibility_packet";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + devPort + "/"))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofFile(Fixtures.request(label)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode(), response.body());
    String storageUri =
        ((JsonString)
                ((io.runpack.json.JsonObject)
                        new JacksonJsonCodec()
                            .decode(response.body().getBytes(StandardCharsets.UTF_8)))
                    .get("storage_uri")
                    .orElseThrow())
            .value();
    assertTrue(storageUri.startsWith("s3://" + bucket + "/tenant/1/namespace/1/"), storageUri);
    String prefix = storageUri.substring(("s3://" + bucket + "/").length());
    assertFalse(
        LocalAws.s3()
            .listObjectsV2(r -> r.bucket(bucket).prefix(prefix + "manifest.json"))
            .contents()
            .isEmpty(),
        "the manifest is in S3");
  }

  private static int objectCount() {
    return LocalAws.s3().listObjectsV2(r -> r.bucket(bucket)).contents().size();
  }

  /** The CLI's answers, two processes at a time (each is a JVM start). */
  private static List<FrontEnds.Failure> cliAnswers(List<Case> cases) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<FrontEnds.Failure>> answers = new ArrayList<>();
      for (Case c : cases) {
        answers.add(pool.submit(() -> FrontEnds.cli(JAR, c.file(), table, bucket, stack)));
      }
      List<FrontEnds.Failure> out = new ArrayList<>();
      for (Future<FrontEnds.Failure> answer : answers) {
        out.add(answer.get(5, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every third case of the corpus, in its order. */
  private static List<Case> corpus() throws IOException {
    JacksonJsonCodec codec = new JacksonJsonCodec();
    List<String> lines =
        Files.readAllLines(CORPUS.resolve("expectations.tsv"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.startsWith("#"))
            .toList();
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += 3) {
      String[] columns = lines.get(i).split("\t", 3);
      String prefix =
          ((JsonString) codec.decode(columns[2].getBytes(StandardCharsets.UTF_8))).value();
      Path file = CORPUS.resolve(columns[0] + ".req");
      cases.add(new Case(columns[0], prefix, Files.readAllBytes(file), file));
    }
    return cases;
  }

  private static void awaitDevMode() throws Exception {
    Path log = REPORTS.resolve("dev-mode-local.log");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!devMode.isAlive()) {
        throw new AssertionError("dev mode exited with " + devMode.exitValue() + ", see " + log);
      }
      if (Files.readString(log, StandardCharsets.UTF_8).contains("Listening on")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("dev mode did not start within 5 minutes, see " + log);
  }
}

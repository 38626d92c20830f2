package io.runpack.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The local AWS stack: Adobe S3Mock (a real S3 API) and dynalite (a real DynamoDB API), each a
 * separate process on a loopback port. Tests use {@link #shared()}, started once per JVM on free
 * ports and stopped when the JVM exits, whatever the tests did; {@link #main} runs it by hand.
 *
 * <p>Both servers keep their data in a temporary directory (S3Mock) or in memory (dynalite) that is
 * gone when the stack stops. The build installs them (see this module's pom).
 */
public final class LocalAwsStack implements AutoCloseable {

  /** The AWS region the local stack answers for. */
  public static final String REGION = "us-east-1";

  /** The bucket and table {@link #main} creates for manual runs and dev mode. */
  public static final String LOCAL_BUCKET = "runpacks";

  public static final String LOCAL_TABLE = "runpack-runs";

  private static LocalAwsStack shared;

  private final Path workDir;
  private final ManagedProcess s3;
  private final ManagedProcess dynamoDb;

  private LocalAwsStack(int s3Port, int dynamoDbPort) {
    Properties installed = installation();
    try {
      workDir = Files.createTempDirectory("runpack-local-aws-");
      Files.createDirectories(workDir.resolve("s3"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    s3 =
        new ManagedProcess(
            "S3Mock",
            List.of(
                java,
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                installed.getProperty("s3mock.jar"),
                "--server.address=127.0.0.1",
                "--server.port=" + freePort(),
                "--com.adobe.testing.s3mock.httpPort=" + s3Port,
                "--com.adobe.testing.s3mock.store.root=" + workDir.resolve("s3"),
                "--logging.level.root=WARN"),
            workDir.resolve("s3mock.log"),
            s3Port);
    dynamoDb =
        new ManagedProcess(
            "dynalite",
            List.of(
                "node",
                Path.of(installed.getProperty("dynalite.dir"), "node_modules", "dynalite", "cli.js")
                    .toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(dynamoDbPort),
                "--createTableMs",
                "0"),
            workDir.resolve("dynalite.log"),
            dynamoDbPort);
  }

  /** Starts both servers on the given ports (0: any free port) and waits until they answer. */
  public static LocalAwsStack start(int s3Port, int dynamoDbPort) {
    LocalAwsStack stack =
        new LocalAwsStack(
            s3Port == 0 ? freePort() : s3Port, dynamoDbPort == 0 ? freePort() : dynamoDbPort);
    try {
      stack.s3.start();
      stack.dynamoDb.start();
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /** The stack of this JVM, started on first use on free ports, stopped at JVM exit. */
  public static synchronized LocalAwsStack shared() {
    if (shared == null) {
      shared = start(0, 0);
      LocalAwsStack stack = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-aws-stop"));
    }
    return shared;
  }

  public URI s3Endpoint() {
    return URI.create("http://127.0.0.1:" + s3.port());
  }

  public URI dynamoDbEndpoint() {
    return URI.create("http://127.0.0.1:" + dynamoDb.port());
  }

  /** Stops S3Mock (to test an unreachable S3); {@link #restartS3()} brings it back, empty. */
  public void stopS3() {
    s3.stop();
  }

  public void restartS3() {
    if (!s3.isRunning()) {
      s3.start();
    }
  }

  /**
   * Stops DynamoDB (to test an unreachable table); {@link #restartDynamoDb()} brings it back,
   * empty.
   */
  public void stopDynamoDb() {
    dynamoDb.stop();
  }

  public void restartDynamoDb() {
    if (!dynamoDb.isRunning()) {
      dynamoDb.start();
    }
  }

  @Override
  public synchronized void close() {
    s3.stop();
    dynamoDb.stop();
    deleteTree(workDir);
  }

  /**
   * Runs the stack by hand: {@code LocalAwsStack [s3Port [dynamoDbPort]]} (defaults 9090 and 8000),
   * printing the endpoints as environment variables, until interrupted.
   */
  public static void main(String[] args) throws InterruptedException {
    int s3Port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
    int dynamoDbPort = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
    requireFree(s3Port);
    requireFree(dynamoDbPort);
    LocalAwsStack stack = start(s3Port, dynamoDbPort);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-aws-stop"));
    try {
      stack.createBucket(LOCAL_BUCKET);
      stack.createRunLogTable(LOCAL_TABLE);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    System.out.println(
        "# bucket " + LOCAL_BUCKET + " and run-log table " + LOCAL_TABLE + " created");
    System.out.println("export RUNPACK_S3_ENDPOINT=" + stack.s3Endpoint());
    System.out.println("export RUNPACK_DYNAMODB_ENDPOINT=" + stack.dynamoDbEndpoint());
    System.out.println(
        "export AWS_REGION=" + REGION + " AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
    System.out.println("# local AWS stack running; Ctrl-C stops it");
    Thread.currentThread().join();
  }

  /** Creates a bucket (S3Mock does not check signatures, so a plain PUT does). */
  public void createBucket(String bucket) {
    call(
        HttpRequest.newBuilder(s3Endpoint().resolve("/" + bucket))
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /** Creates the run-log table: string keys pk (hash) and sk (range), on demand. */
  public void createRunLogTable(String table) {
    String body =
        "{\"TableName\":\""
            + table
            + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
            + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}";
    call(
        HttpRequest.newBuilder(dynamoDbEndpoint())
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
            .header("X-Amz-Date", "20260101T000000Z")
            // dynalite wants a SigV4-shaped header but does not check the signature
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=local/20260101/"
                    + REGION
                    + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void call(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "local AWS stack answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "port " + port + " is in use: is a local AWS stack already running?", e);
    }
  }

  /** A port that was free a moment ago on the loopback interface. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties installation() {
    Properties properties = new Properties();
    try (InputStream in =
        LocalAwsStack.class.getResourceAsStream("/runpack-local-aws.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "runpack-local-aws.properties missing: build the local-aws module");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : List.of("s3mock.jar", "dynalite.dir")) {
      if (!Files.exists(Path.of(properties.getProperty(key)))) {
        throw new IllegalStateException(
            key
                + " not installed at "
                + properties.getProperty(key)
                + ": run ./mvnw -pl local-aws generate-resources");
      }
    }
    return properties;
  }

  private static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temporary files; the OS cleans up what is left
    }
  }
}

package io.runpack.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local AWS stack: Adobe S3Mock (a real S3 API) and dynalite (a real DynamoDB API), each a
 * separate process on a loopback port, and, only when a test asks for it ({@link #kmsEndpoint()}),
 * moto's server for a real KMS API ({@code python3 -m moto.server}: asymmetric keys, Sign,
 * GetPublicKey). Tests use {@link #shared()}, started once per JVM and stopped when the JVM exits,
 * whatever the tests did; {@link #main} runs it by hand. Each server binds a port the system gives
 * it (port 0) and names it in its log, which is where the stack reads it from.
 *
 * <p>Both servers keep their data in a temporary directory (S3Mock) or in memory (dynalite) that is
 * gone when the stack stops. The build installs them (see this module's pom).
 */
public final class LocalAwsStack implements AutoCloseable {

  /** The AWS region the local stack answers for. */
  public static final String REGION = "us-east-1";

  /** The bucket {@link #main} creates for manual runs and dev mode. */
  public static final String LOCAL_BUCKET = "runpacks";

  private static final String TOMCAT_LOGGER =
      "org.springframework.boot.web.embedded.tomcat.TomcatWebServer";

  private static final String S3MOCK_LOGGER = "com.adobe.testing.s3mock.S3MockApplication";

  /** Spring Boot's line once S3Mock's connectors are bound: its S3 port is the plain HTTP one. */
  private static final Pattern S3MOCK_PORT =
      Pattern.compile("Tomcat started on ports? .*?(\\d+) \\(http\\)");

  /** Spring Boot's line once the whole application has started. */
  private static final Pattern S3MOCK_READY = Pattern.compile("Started S3MockApplication ");

  /**
   * dynalite's server on a loopback port, as its command line serves it but with port 0 allowed
   * (its command line takes 0 for "the default port", 4567). Arguments: the dynalite package's
   * directory, the port.
   */
  private static final String DYNALITE_SERVE =
      "const [dir, port] = process.argv.slice(1);"
          + " const server = require(dir)({ createTableMs: 0 });"
          + " server.listen(Number(port), '127.0.0.1', () =>"
          + " console.log('Dynalite listening at: http://127.0.0.1:' + server.address().port));";

  private static final Pattern DYNALITE_LISTENING =
      Pattern.compile("Dynalite listening at: http://127\\.0\\.0\\.1:(\\d+)");

  /** Werkzeug's line once moto's server is bound (it names the port it was given). */
  private static final Pattern MOTO_RUNNING =
      Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

  private static LocalAwsStack shared;

  private final Path workDir;
  private final ManagedProcess s3;
  private final ManagedProcess dynamoDb;
  private ManagedProcess kms; // started on first use

  private LocalAwsStack(int s3Port, int dynamoDbPort) {
    Path installed = installation();
    try {
      workDir = Files.createTempDirectory("runpack-local-aws-");
      Files.createDirectories(workDir.resolve("s3"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        S3MockLoopback.command(
            java,
            installed.resolve("s3mock.jar"),
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(
        List.of(
            "--server.address=127.0.0.1",
            "--server.port=0", // its HTTPS port, which no test uses
            "--com.adobe.testing.s3mock.httpPort=" + s3Port,
            "--com.adobe.testing.s3mock.store.root=" + workDir.resolve("s3"),
            "--logging.level.root=WARN",
            "--logging.level." + TOMCAT_LOGGER + "=INFO",
            "--logging.level." + S3MOCK_LOGGER + "=INFO"));
    s3 =
        new ManagedProcess(
            "S3Mock", command, workDir.resolve("s3mock.log"), S3MOCK_PORT, S3MOCK_READY);
    dynamoDb =
        new ManagedProcess(
            "dynalite",
            List.of(
                "node",
                "-e",
                DYNALITE_SERVE,
                dynalite(installed).getParent().toString(),
                Integer.toString(dynamoDbPort)),
            workDir.resolve("dynalite.log"),
            DYNALITE_LISTENING,
            DYNALITE_LISTENING);
  }

  /**
   * Starts both servers on the given ports (0: a port the system gives each) and waits until they
   * answer.
   */
  public static LocalAwsStack start(int s3Port, int dynamoDbPort) {
    LocalAwsStack stack = new LocalAwsStack(s3Port, dynamoDbPort);
    try {
      stack.s3.start();
      stack.dynamoDb.start();
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /** The stack of this JVM, started on first use, stopped at JVM exit. */
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

  /**
   * The KMS API (moto's server, {@code python3 -m moto.server} with moto 5 or later), started on a
   * loopback port the first time it is asked for.
   */
  public synchronized URI kmsEndpoint() {
    if (kms == null) {
      ManagedProcess moto =
          new ManagedProcess(
              "moto (KMS)",
              List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "0"),
              workDir.resolve("moto.log"),
              MOTO_RUNNING,
              MOTO_RUNNING);
      moto.start();
      kms = moto;
    }
    return URI.create("http://127.0.0.1:" + kms.port());
  }

  @Override
  public synchronized void close() {
    s3.stop();
    dynamoDb.stop();
    if (kms != null) {
      kms.stop();
    }
    deleteTree(workDir);
  }

  /**
   * Runs the stack by hand: {@code LocalAwsStack [s3Port [dynamoDbPort]]} (defaults 9090 and 8000),
   * with the bucket {@value #LOCAL_BUCKET}, printing the AWS SDK's standard environment for it,
   * until interrupted. The run-log table is made by {@code runpack import --create-table}, from the
   * table's one definition.
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
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    System.out.println("# local AWS stack: S3 and DynamoDB on 127.0.0.1, bucket " + LOCAL_BUCKET);
    System.out.println("# for the runpack command, the AWS CLI and the SDKs, in another shell:");
    System.out.println(environment(stack));
    System.out.println("# Ctrl-C stops it (its data is gone with it)");
    Thread.currentThread().join();
  }

  /** The AWS SDK's standard environment (endpoints, region, credentials) for this stack. */
  public static String environment(LocalAwsStack stack) {
    return "export AWS_ENDPOINT_URL_S3="
        + stack.s3Endpoint()
        + " AWS_ENDPOINT_URL_DYNAMODB="
        + stack.dynamoDbEndpoint()
        + " AWS_REGION="
        + REGION
        + " AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local";
  }

  /** Creates a bucket (S3Mock does not check signatures, so a plain PUT does). */
  public void createBucket(String bucket) {
    call(
        HttpRequest.newBuilder(s3Endpoint().resolve("/" + bucket))
            .PUT(HttpRequest.BodyPublishers.noBody()));
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

  /**
   * Where the build installed the servers: {@code target/local-aws/} of this module, found from
   * where this class was loaded ({@code target/classes} or the module's jar in {@code target/}), so
   * that no absolute path is written into the build's output.
   */
  private static Path installation() {
    Path code;
    try {
      code =
          Path.of(LocalAwsStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot tell where the local-aws module was built", e);
    }
    Path installed = code.getParent().resolve("local-aws");
    for (Path server : List.of(installed.resolve("s3mock.jar"), dynalite(installed))) {
      if (!Files.exists(server)) {
        throw new IllegalStateException(
            server
                + " is not installed: run ./mvnw -pl local-aws -am compile (dynalite needs"
                + " Node.js and npm)");
      }
    }
    return installed;
  }

  private static Path dynalite(Path installed) {
    return installed.resolve("dynalite/node_modules/dynalite/cli.js");
  }

  static void deleteTree(Path root) {
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

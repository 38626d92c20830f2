package io.runpack.function;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.adapters.s3.S3RunpackStorage;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.out.LoadRunPort;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;

/**
 * One priming export through the function's own DynamoDB store and S3 sink and the AWS SDK, sent to
 * a {@link PrimingStub} instead of AWS, so that the SDK's first requests (marshalling, signing, the
 * URL-connection HTTP client, checksums, response parsing) are made before the snapshot rather than
 * by the first invocation after a restore.
 *
 * <p>The clients are throwaway ones: the region and override configuration of the function's own
 * clients (their timeouts, retries), the same HTTP client type, but fake static credentials, the
 * stub as endpoint (S3 path-style, as a loopback address needs) and none of the application's
 * interceptors. Guarantees: no credential of the function is resolved and no request leaves the
 * machine; whether {@link #run} returns or throws, the stub is stopped, the clients and their HTTP
 * clients are closed and the sink's writer threads have ended. The function's clients are built
 * (reading their configuration builds them), never called.
 */
final class PrimingRequests {

  /** The bucket and table the priming export names; only the stub ever sees them. */
  static final String BUCKET = "runpack-priming";

  static final String TABLE = "runpack-priming";

  /** Longest a priming request may take, retries included (the stub is in this JVM). */
  static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));

  /** What one run sent: the stub it sent to (stopped by now), and what the stub answered. */
  record Sent(Optional<URI> stub, Map<String, Integer> answered) {

    static final Sent NOTHING = new Sent(Optional.empty(), Map.of());

    Sent {
      answered = Map.copyOf(answered);
    }
  }

  private final RunpackConfig config;
  private final JacksonJsonCodec codec;
  private final ExportRequestParser parser;
  private final Instance<S3Client> s3;
  private final Instance<DynamoDbClient> dynamoDb;

  PrimingRequests(
      RunpackConfig config,
      JacksonJsonCodec codec,
      ExportRequestParser parser,
      Instance<S3Client> s3,
      Instance<DynamoDbClient> dynamoDb) {
    this.config = config;
    this.codec = codec;
    this.parser = parser;
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
  }

  /** Whether the function uses an AWS store or sink, i.e. whether there is anything to prime. */
  boolean applies() {
    return config.store() == RunpackConfig.Store.dynamodb || config.sink() == RunpackConfig.Sink.s3;
  }

  /** Runs the export through the stub; returns how many requests of each operation it answered. */
  Sent run() {
    LoadedRun run = PrimingExport.exampleRun(codec);
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      PrimingStub stub = opened(opened, start(DynamoDbRunImporter.items(run)));
      LoadRunPort store = key -> run;
      if (config.store() == RunpackConfig.Store.dynamodb) {
        DynamoDbClient client = opened(opened, dynamoDbClient(stub.endpoint()));
        store = Wiring.dynamoDbStore(config, TABLE, codec, client);
      }
      PublishRunpackPort sink = PrimingRequests::discard;
      if (config.sink() == RunpackConfig.Sink.s3) {
        S3Client client = opened(opened, s3Client(stub.endpoint()));
        sink = opened(opened, new S3RunpackStorage(client, Wiring.s3Settings(config, BUCKET)));
      }
      new PrimingExport(codec, parser, Wiring.settings(config, codec), store, sink).run();
      return new Sent(Optional.of(stub.endpoint()), stub.answered());
    } finally {
      closeAll(opened);
    }
  }

  private DynamoDbClient dynamoDbClient(URI endpoint) {
    DynamoDbServiceClientConfiguration real = dynamoDb.get().serviceClientConfiguration();
    return DynamoDbClient.builder()
        .region(real.region())
        .overrideConfiguration(throwaway(real.overrideConfiguration()))
        .credentialsProvider(FAKE_CREDENTIALS)
        .endpointOverride(endpoint)
        .httpClientBuilder(httpClient())
        .build();
  }

  private S3Client s3Client(URI endpoint) {
    S3ServiceClientConfiguration real = s3.get().serviceClientConfiguration();
    return S3Client.builder()
        .region(real.region())
        .overrideConfiguration(throwaway(real.overrideConfiguration()))
        .credentialsProvider(FAKE_CREDENTIALS)
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .httpClientBuilder(httpClient())
        .build();
  }

  /** The function's override configuration without its interceptors, bounded by the stub's time. */
  private static ClientOverrideConfiguration throwaway(ClientOverrideConfiguration real) {
    return real.toBuilder()
        .executionInterceptors(List.of())
        .apiCallTimeout(API_CALL_TIMEOUT)
        .build();
  }

  /** The function's HTTP client type (quarkus.*.sync-client.type=url), owned by its SDK client. */
  private static UrlConnectionHttpClient.Builder httpClient() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(2))
        .socketTimeout(API_CALL_TIMEOUT);
  }

  private static PrimingStub start(DynamoDbRunImporter.Items run) {
    try {
      return PrimingStub.start(run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the priming stub on the loopback address", e);
    }
  }

  private static Optional<String> discard(
      RunpackTarget target,
      List<RunpackFile> artifacts,
      RunpackFile manifest,
      StoredSignatureCheck storedSignature) {
    return Optional.of(PrimingExport.STORAGE_URI);
  }

  private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> opened, T resource) {
    opened.push(resource);
    return resource;
  }

  /** Closes in reverse order of opening: the sink, the clients, then the stub. */
  private static void closeAll(Deque<AutoCloseable> opened) {
    RuntimeException failure = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot close what priming opened: " + e, e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

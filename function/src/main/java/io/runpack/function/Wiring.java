package io.runpack.function;

import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.filesystem.FileSystemRunStore;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.adapters.s3.S3RunpackStorage;
import io.runpack.adapters.s3.S3Settings;
import io.runpack.adapters.signing.KmsManifestSigner;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.port.in.ExportRunpackUseCase;
import io.runpack.domain.port.out.LoadRunPort;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;

/**
 * Builds the export use case from the configuration: which store, which sink, which security
 * context and anchor policy, and whether a KMS key signs the manifests. The AWS clients (from the
 * Quarkiverse extensions) are only created when the configuration uses them. A configuration that
 * cannot work fails here, at startup.
 */
public class Wiring {

  @Produces
  @Singleton
  JacksonJsonCodec codec() {
    return new JacksonJsonCodec();
  }

  @Produces
  @Singleton
  ExportRequestParser requestParser() {
    return new ExportRequestParser();
  }

  @Produces
  @Singleton
  ExportRunpackUseCase exporter(
      RunpackConfig config,
      JacksonJsonCodec codec,
      Instance<S3Client> s3,
      Instance<DynamoDbClient> dynamoDb) {
    return new ExportRunpackService(
        store(config, codec, dynamoDb),
        sink(config, s3),
        codec,
        settings(config, codec),
        signer(config, s3));
  }

  /**
   * The KMS signer when {@code runpack.signing.kms-key-id} is set. Its client has the region and
   * credentials of the function's S3 client (quarkus.s3.aws.*, by default the SDK's chains: in
   * Lambda, the function's role) and the URL-connection HTTP client.
   */
  private static Optional<SignManifestPort> signer(RunpackConfig config, Instance<S3Client> s3) {
    if (config.signing().kmsKeyId().isEmpty()) {
      return Optional.empty();
    }
    S3ServiceClientConfiguration aws = s3.get().serviceClientConfiguration();
    KmsClientBuilder kms =
        KmsClient.builder()
            .region(aws.region())
            .credentialsProvider(aws.credentialsProvider())
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(10))
                    .build())
            .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(20)));
    config.signing().kmsEndpoint().ifPresent(kms::endpointOverride);
    return Optional.of(new KmsManifestSigner(kms.build(), config.signing().kmsKeyId().get()));
  }

  private static LoadRunPort store(
      RunpackConfig config, JacksonJsonCodec codec, Instance<DynamoDbClient> dynamoDb) {
    if (config.store() == RunpackConfig.Store.filesystem) {
      return new FileSystemRunStore(
          config.filesystem().runsDir().orElseThrow(() -> missing("runpack.filesystem.runs-dir")),
          codec);
    }
    return dynamoDbStore(config, codec, dynamoDb.get());
  }

  /**
   * The DynamoDB store: {@code runpack.table}, read {@code runpack.dynamodb.load-concurrency}
   * ranges at a time.
   */
  static DynamoDbRunStore dynamoDbStore(
      RunpackConfig config, JacksonJsonCodec codec, DynamoDbClient dynamoDb) {
    return dynamoDbStore(
        config, config.table().orElseThrow(() -> missing("runpack.table")), codec, dynamoDb);
  }

  /** The same store on another table (priming's, {@link PrimingRequests}). */
  static DynamoDbRunStore dynamoDbStore(
      RunpackConfig config, String table, JacksonJsonCodec codec, DynamoDbClient dynamoDb) {
    try {
      return new DynamoDbRunStore(
          dynamoDb, table, codec, Optional.empty(), config.dynamodb().loadConcurrency());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "runpack.dynamodb.load-concurrency is invalid: " + e.getMessage(), e);
    }
  }

  private static PublishRunpackPort sink(RunpackConfig config, Instance<S3Client> s3) {
    if (config.sink() == RunpackConfig.Sink.filesystem) {
      return new TenantScopedStorage(config.filesystem().outputBase());
    }
    String bucket = config.bucket().orElseThrow(() -> missing("runpack.bucket"));
    return new S3RunpackStorage(s3.get(), s3Settings(config, bucket));
  }

  /** The S3 sink's settings on {@code bucket} (runpack.bucket, or priming's). */
  static S3Settings s3Settings(RunpackConfig config, String bucket) {
    return new S3Settings(bucket, config.rootPrefix(), config.writeOnce(), 8);
  }

  static ExportSettings settings(RunpackConfig config, JacksonJsonCodec codec) {
    Optional<SecurityContext> security =
        config
            .security()
            .namespaceAuthority()
            .map(authority -> new SecurityContext(config.security().devPermissive(), authority));
    Optional<AnchorPolicy> anchors;
    try {
      anchors =
          config
              .anchorPolicy()
              .map(
                  json ->
                      AnchorPolicy.fromJson(
                          codec.decode(json.getBytes(StandardCharsets.UTF_8)),
                          "runpack.anchor-policy",
                          io.runpack.domain.error.ErrorCode.INVALID_REQUEST));
    } catch (RunpackException e) {
      throw new IllegalStateException("runpack.anchor-policy is invalid: " + e.getMessage(), e);
    }
    return new ExportSettings(security, anchors);
  }

  private static IllegalStateException missing(String property) {
    return new IllegalStateException(property + " must be configured");
  }
}

package io.runpack.testsupport;

import io.runpack.localaws.LocalAwsStack;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real AWS SDK clients against the local AWS stack (S3Mock, dynalite, moto's KMS), with bounded
 * timeouts, and a fresh bucket or table per test. The stack is started once per test JVM and
 * stopped with it.
 */
public final class LocalAws {

  private LocalAws() {}

  public static LocalAwsStack stack() {
    return LocalAwsStack.shared();
  }

  /** Counts the SDK operations a client made (an SDK interceptor, not a mock). */
  public static final class OperationCounter implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      counts
          .computeIfAbsent(
              attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
              k -> new AtomicInteger())
          .incrementAndGet();
    }

    public int count(String operation) {
      AtomicInteger count = counts.get(operation);
      return count == null ? 0 : count.get();
    }

    public void reset() {
      counts.clear();
    }

    /** Operations of any kind. */
    public int total() {
      return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  public static S3Client s3() {
    return s3(stack().s3Endpoint(), List.of(), 3);
  }

  public static S3Client s3(URI endpoint, List<ExecutionInterceptor> interceptors, int retries) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.of(LocalAwsStack.REGION))
        .credentialsProvider(credentials())
        .httpClient(http())
        .overrideConfiguration(
            o ->
                o.apiCallTimeout(Duration.ofSeconds(60))
                    .apiCallAttemptTimeout(Duration.ofSeconds(20))
                    .retryStrategy(b -> b.maxAttempts(retries + 1))
                    .executionInterceptors(interceptors))
        .build();
  }

  public static DynamoDbClient dynamoDb() {
    return dynamoDb(stack().dynamoDbEndpoint(), List.of());
  }

  public static DynamoDbClient dynamoDb(URI endpoint, List<ExecutionInterceptor> interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(LocalAwsStack.REGION))
        .credentialsProvider(credentials())
        .httpClient(http())
        .overrideConfiguration(
            o ->
                o.apiCallTimeout(Duration.ofSeconds(30))
                    .apiCallAttemptTimeout(Duration.ofSeconds(10))
                    .executionInterceptors(interceptors))
        .build();
  }

  /** A KMS client of the local stack's KMS API (moto), started on first use. */
  public static KmsClient kms() {
    return KmsClient.builder()
        .endpointOverride(stack().kmsEndpoint())
        .region(Region.of(LocalAwsStack.REGION))
        .credentialsProvider(credentials())
        .httpClient(http())
        .overrideConfiguration(
            o ->
                o.apiCallTimeout(Duration.ofSeconds(30))
                    .apiCallAttemptTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** A fresh asymmetric signing key ({@code ECC_NIST_P256}, {@code SIGN_VERIFY}); its ARN. */
  public static String newSigningKey(KmsClient kms) {
    return kms.createKey(
            b ->
                b.keySpec(KeySpec.ECC_NIST_P256)
                    .keyUsage(KeyUsageType.SIGN_VERIFY)
                    .description("runpack manifest signing (test)"))
        .keyMetadata()
        .arn();
  }

  public static String newBucket(S3Client s3) {
    String bucket =
        "runpack-" + UUID.randomUUID().toString().substring(0, 13).toLowerCase(Locale.ROOT);
    s3.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  /**
   * A fresh table made by {@code create} (the run-log table's one definition: {@code
   * RunLogTable::create} of the adapters), under a new name.
   */
  public static String newTable(
      DynamoDbClient dynamoDb, BiConsumer<DynamoDbClient, String> create) {
    String table = "runpack-runs-" + UUID.randomUUID();
    create.accept(dynamoDb, table);
    return table;
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  private static software.amazon.awssdk.http.SdkHttpClient http() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(2))
        .socketTimeout(Duration.ofSeconds(20))
        .build();
  }
}

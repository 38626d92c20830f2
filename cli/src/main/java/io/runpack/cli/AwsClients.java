package io.runpack.cli;

import io.runpack.domain.error.ErrorCode;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS clients for the command: credentials from the SDK's default chain (environment, profile,
 * instance role), region from {@code --region} or the default chain, an optional endpoint (for the
 * local stack), and bounded timeouts so that an unreachable service fails instead of hanging.
 */
final class AwsClients {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  private AwsClients() {}

  static S3Client s3(String endpoint, String region) {
    var builder =
        S3Client.builder()
            .httpClient(http())
            .region(region(region))
            .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
    if (endpoint != null) {
      builder.endpointOverride(uri(endpoint)).forcePathStyle(true);
    }
    return builder.build();
  }

  static DynamoDbClient dynamoDb(String endpoint, String region) {
    var builder =
        DynamoDbClient.builder()
            .httpClient(http())
            .region(region(region))
            .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
    if (endpoint != null) {
      builder.endpointOverride(uri(endpoint));
    }
    return builder.build();
  }

  private static SdkHttpClient http() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }

  private static Region region(String region) {
    if (region != null) {
      return Region.of(region);
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "no AWS region: pass --region or set AWS_REGION");
    }
  }

  private static URI uri(String endpoint) {
    try {
      URI uri = URI.create(endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "--endpoint is not a URL: " + endpoint);
    }
  }
}

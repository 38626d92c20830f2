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
 * The AWS clients of one command, made when first used and closed with it. Everything comes from
 * the AWS SDK's standard configuration (credentials chain, {@code AWS_REGION} or profile, service
 * endpoints from {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL_DYNAMODB} or the profile's
 * {@code endpoint_url}), unless {@code --region} or {@code --endpoint} override it; an endpoint
 * given by IP address (a local stack) is addressed path-style, as the SDK's endpoint rules do.
 * Timeouts are bounded, so an unreachable service fails instead of hanging.
 */
final class AwsClients implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  private final String endpoint;
  private final String region;
  private S3Client s3;
  private DynamoDbClient dynamoDb;

  /** Clients with an endpoint override (null: the SDK's configuration) and region (null: ditto). */
  AwsClients(String endpoint, String region) {
    this.endpoint = endpoint;
    this.region = region;
  }

  /**
   * Refuses {@code --endpoint} and {@code --region} for a location that is not in S3: they would be
   * ignored, and a script that gives them most likely meant an {@code s3://} location.
   */
  static void requireS3For(String location, String endpoint, String region) {
    if (location.startsWith("s3://")) {
      return;
    }
    String option = endpoint != null ? "--endpoint" : region != null ? "--region" : null;
    if (option != null) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          option + " is for a runpack in S3 (s3://BUCKET/PREFIX/), not for " + location);
    }
  }

  S3Client s3() {
    if (s3 == null) {
      var builder =
          S3Client.builder()
              .httpClient(http())
              .region(region())
              .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
      if (endpoint != null) {
        builder.endpointOverride(uri(endpoint)).forcePathStyle(true);
      }
      s3 = builder.build();
    }
    return s3;
  }

  DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      var builder =
          DynamoDbClient.builder()
              .httpClient(http())
              .region(region())
              .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
      if (endpoint != null) {
        builder.endpointOverride(uri(endpoint));
      }
      dynamoDb = builder.build();
    }
    return dynamoDb;
  }

  @Override
  public void close() {
    if (s3 != null) {
      s3.close();
    }
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  private static SdkHttpClient http() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }

  private Region region() {
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

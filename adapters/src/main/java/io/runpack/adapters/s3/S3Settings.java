package io.runpack.adapters.s3;

import java.util.Objects;
import java.util.Optional;

/**
 * How runpacks are stored in S3: the bucket, an optional key prefix before the runpack's own
 * (FORMAT §4), write-once mode (conditional writes: identical bytes are accepted again, other bytes
 * are a conflict) and how many artifacts are written at once.
 */
public record S3Settings(
    String bucket, Optional<String> rootPrefix, boolean writeOnce, int concurrentWrites) {

  public S3Settings {
    Objects.requireNonNull(bucket, "bucket");
    if (bucket.isBlank()) {
      throw new IllegalArgumentException("the runpack bucket must be configured");
    }
    rootPrefix = rootPrefix.map(p -> p.replaceAll("^/+|/+$", "")).filter(p -> !p.isEmpty());
    if (concurrentWrites < 1 || concurrentWrites > 64) {
      throw new IllegalArgumentException(
          "concurrentWrites must be 1 to 64, not " + concurrentWrites);
    }
  }

  public static S3Settings of(String bucket) {
    return new S3Settings(bucket, Optional.empty(), false, 8);
  }
}

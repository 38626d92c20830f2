package io.runpack.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without AWS credentials, {@code verify s3://…} and {@code import} say so in one line, with what
 * to set — not the SDK's listing of every credentials provider it tried (over 1,200 characters of
 * class names).
 */
class NoAwsCredentialsIT {

  /** No credentials anywhere the SDK looks; nothing is sent (the endpoint is never reached). */
  static final Map<String, String> NO_CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID", "",
          "AWS_SECRET_ACCESS_KEY", "",
          "AWS_SESSION_TOKEN", "",
          "AWS_PROFILE", "",
          "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials",
          "AWS_CONFIG_FILE", "/nonexistent/config",
          "AWS_EC2_METADATA_DISABLED", "true",
          "AWS_REGION", "us-east-1",
          "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9",
          "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");

  static final String NO_CREDENTIALS_SAID =
      "no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE,"
          + " or run with an IAM role)";

  @TempDir Path temp;

  @Test
  void verifyInS3SaysThatCredentialsAreMissing() {
    CliProcess.run(temp, NO_CREDENTIALS, new byte[0], "verify", "s3://runpacks/some/prefix/")
        .assertFailure(
            3,
            "storage_error",
            "cannot read manifest manifest.json: S3 GetObject failed: " + NO_CREDENTIALS_SAID);
  }
}

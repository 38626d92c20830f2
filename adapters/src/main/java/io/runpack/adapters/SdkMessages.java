package io.runpack.adapters;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Why an AWS SDK call failed, as a user of Runpack reads it: a service's answer as its HTTP status
 * and error code; missing credentials or region said in one line with what to set, instead of the
 * SDK's listing of every credentials provider it tried (over a thousand characters of class names);
 * anything else as the SDK's first line, cut at {@link #MAX_CHARS}.
 */
public final class SdkMessages {

  /** Characters of an SDK message kept. */
  static final int MAX_CHARS = 300;

  private SdkMessages() {}

  public static String of(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      return "HTTP " + service.statusCode() + (code == null ? "" : " " + code);
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "the AWS SDK gave no reason";
    }
    if (message.startsWith("Unable to load credentials")) {
      return "no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
          + " AWS_PROFILE, or run with an IAM role)";
    }
    if (message.startsWith("Unable to load region")) {
      return "no AWS region set (AWS_REGION, or --region)";
    }
    String first = message.lines().findFirst().orElse("").strip();
    if (first.length() <= MAX_CHARS) {
      return first;
    }
    int cut = Character.isHighSurrogate(first.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return first.substring(0, cut) + "…"; // never half a character
  }
}

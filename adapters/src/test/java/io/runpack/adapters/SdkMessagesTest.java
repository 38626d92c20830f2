package io.runpack.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The AWS SDK's failures as one short line (the SDK's own exception types, as it throws them). */
class SdkMessagesTest {

  @Test
  void missingCredentialsSayWhatToSet() {
    String sdk =
        "Unable to load credentials from any of the providers in the chain"
            + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
            + " EnvironmentVariableCredentialsProvider(), …])";

    assertEquals(
        "no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE,"
            + " or run with an IAM role)",
        SdkMessages.of(SdkClientException.create(sdk)));
  }

  @Test
  void aLongMessageIsCutOnItsFirstLineAndNeverInsideACharacter() {
    String emoji = "\ud83d\ude00";
    String message = "a".repeat(SdkMessages.MAX_CHARS - 1) + emoji + "rest\nsecond line";

    String said = SdkMessages.of(SdkClientException.create(message));

    assertEquals("a".repeat(SdkMessages.MAX_CHARS - 1) + "…", said);
  }
}

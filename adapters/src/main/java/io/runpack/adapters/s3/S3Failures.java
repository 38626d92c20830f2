package io.runpack.adapters.s3;

import io.runpack.adapters.SdkMessages;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** SDK failures as Runpack's typed errors: what was attempted, on which object, and S3's answer. */
final class S3Failures {

  private S3Failures() {}

  static RunpackException storageError(
      String operation, String bucket, String key, SdkException e) {
    return new RunpackException(
        ErrorCode.STORAGE_ERROR,
        "S3 " + operation + " of s3://" + bucket + "/" + key + " failed: " + describe(e),
        e);
  }

  static String describe(SdkException e) {
    return SdkMessages.of(e);
  }

  static boolean isStatus(SdkException e, int status) {
    return e instanceof S3Exception s3 && s3.statusCode() == status;
  }
}

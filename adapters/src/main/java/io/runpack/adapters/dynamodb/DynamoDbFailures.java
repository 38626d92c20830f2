package io.runpack.adapters.dynamodb;

import io.runpack.adapters.SdkMessages;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import software.amazon.awssdk.core.exception.SdkException;

/** SDK failures as Runpack's typed errors, naming the operation, the table and the key. */
final class DynamoDbFailures {

  private DynamoDbFailures() {}

  static RunpackException storageError(String operation, String table, String key, SdkException e) {
    String why = SdkMessages.of(e);
    return new RunpackException(
        ErrorCode.STORAGE_ERROR,
        "DynamoDB " + operation + " on table " + table + " (" + key + ") failed: " + why,
        e);
  }

  static RunpackException corrupt(String table, String pk, String sk, String problem) {
    return new RunpackException(
        ErrorCode.INVALID_RUN_DATA,
        "corrupt item in table " + table + " (pk " + pk + ", sk " + sk + "): " + problem);
  }
}

package io.runpack.function;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.localaws.LocalAwsStack;
import io.runpack.testsupport.LocalAws;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Points the function at the local AWS stack (S3Mock, dynalite), with a fresh bucket and run-log
 * table, and the security context the Decision Gate reference runpacks were exported with.
 */
public class LocalAwsResource implements QuarkusTestResourceLifecycleManager {

  static final String BUCKET = "runpack-function-" + UUID.randomUUID().toString().substring(0, 8);
  static final String TABLE = "runpack-function-" + UUID.randomUUID();

  @Override
  public Map<String, String> start() {
    LocalAwsStack stack = LocalAwsStack.shared();
    stack.createBucket(BUCKET);
    try (DynamoDbClient dynamoDb = LocalAws.dynamoDb()) {
      RunLogTable.create(dynamoDb, TABLE);
    }
    return Map.ofEntries(
        Map.entry("quarkus.s3.endpoint-override", stack.s3Endpoint().toString()),
        Map.entry("quarkus.s3.path-style-access", "true"),
        Map.entry("quarkus.s3.aws.region", LocalAwsStack.REGION),
        Map.entry("quarkus.s3.aws.credentials.type", "static"),
        Map.entry("quarkus.s3.aws.credentials.static-provider.access-key-id", "local"),
        Map.entry("quarkus.s3.aws.credentials.static-provider.secret-access-key", "local"),
        Map.entry("quarkus.dynamodb.endpoint-override", stack.dynamoDbEndpoint().toString()),
        Map.entry("quarkus.dynamodb.aws.region", LocalAwsStack.REGION),
        Map.entry("quarkus.dynamodb.aws.credentials.type", "static"),
        Map.entry("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local"),
        Map.entry("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local"),
        Map.entry("runpack.table", TABLE),
        Map.entry("runpack.bucket", BUCKET),
        Map.entry("runpack.security.namespace-authority", "dg_registry"));
  }

  @Override
  public void stop() {
    // the shared stack stops with the JVM
  }
}

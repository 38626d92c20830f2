package io.runpack.infra;

import io.runpack.adapters.dynamodb.RunLogTable;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.constructs.Construct;

/**
 * The run-log table (keyed as the adapters' RunLogTable defines it) and the runpack bucket. Both
 * are kept when the stack is deleted: they hold audit records.
 */
final class Storage extends Construct {

  final Table table;
  final Bucket bucket;
  final Key key;

  Storage(Construct scope, String id, StackOptions options) {
    super(scope, id);
    this.table =
        Table.Builder.create(this, "RunLogTable")
            .partitionKey(
                Attribute.builder().name(RunLogTable.PK).type(AttributeType.STRING).build())
            .sortKey(Attribute.builder().name(RunLogTable.SK).type(AttributeType.STRING).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .encryption(TableEncryption.AWS_MANAGED)
            .deletionProtection(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    this.key =
        options.kms()
            ? Key.Builder.create(this, "RunpackKey")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .description("Encrypts Runpack runpacks at rest")
                .build()
            : null;
    Bucket.Builder bucket =
        Bucket.Builder.create(this, "RunpackBucket")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .versioned(true)
            .removalPolicy(RemovalPolicy.RETAIN);
    if (key != null) {
      bucket.encryption(BucketEncryption.KMS).encryptionKey(key).bucketKeyEnabled(true);
    } else {
      bucket.encryption(BucketEncryption.S3_MANAGED);
    }
    if (options.objectLock()) {
      bucket
          .objectLockEnabled(true)
          .objectLockDefaultRetention(
              ObjectLockRetention.compliance(Duration.days(options.objectLockDays())));
    }
    this.bucket = bucket.build();
  }
}

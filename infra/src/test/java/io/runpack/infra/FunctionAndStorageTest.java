package io.runpack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The function, its alias, the run-log table and the runpack bucket, as the stack defines them. */
class FunctionAndStorageTest {

  static final Template DEFAULT = StackFixture.template(StackOptions.DEFAULTS);

  @Test
  void functionRunsTheQuarkusStreamHandlerOnJava21WithSnapStartTracingAndJsonLogs() {
    DEFAULT.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "Runtime",
                "java21",
                "Handler",
                RunpackFunction.HANDLER,
                "MemorySize",
                2048,
                "Timeout",
                120,
                "SnapStart",
                Map.of("ApplyOn", "PublishedVersions"),
                "TracingConfig",
                Map.of("Mode", "Active"),
                "LoggingConfig",
                Match.objectLike(Map.of("LogFormat", "JSON")))));
  }

  @Test
  void snapStartPrimesTheExportPathBeforeTheSnapshotOfEachPublishedVersion() {
    DEFAULT.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "SnapStart",
                Map.of("ApplyOn", "PublishedVersions"),
                "Environment",
                Map.of(
                    "Variables",
                    Match.objectLike(
                        Map.of(
                            "RUNPACK_PRIMING_ENABLED",
                            "true",
                            "RUNPACK_PRIMING_EXPORTS",
                            Integer.toString(RunpackFunction.PRIMING_EXPORTS),
                            "RUNPACK_PRIMING_REQUESTS",
                            "true",
                            "RUNPACK_PRIMING_AT_STARTUP",
                            Match.absent()))))));
    DEFAULT.resourceCountIs("AWS::Lambda::Version", 1);
  }

  @Test
  void functionEnvironmentComesFromTheStackAndItsParameters() {
    DEFAULT.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "Environment",
                Map.of(
                    "Variables",
                    Match.objectLike(
                        Map.of(
                            "RUNPACK_TABLE",
                                Map.of("Ref", Match.stringLikeRegexp("StorageRunLogTable.*")),
                            "RUNPACK_BUCKET",
                                Map.of("Ref", Match.stringLikeRegexp("StorageRunpackBucket.*")),
                            "RUNPACK_ROOT_PREFIX", "runpacks",
                            "RUNPACK_WRITE_ONCE", "true",
                            "RUNPACK_SECURITY_NAMESPACE_AUTHORITY",
                                Map.of("Ref", "NamespaceAuthority"),
                            "RUNPACK_API_TENANT_CLAIM", Map.of("Ref", "TenantClaim")))))));
  }

  @Test
  void reservedConcurrencyIsAnOptionUnsetByDefault() {
    DEFAULT.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(Map.of("ReservedConcurrentExecutions", Match.absent())));
    StackFixture.template(StackOptions.DEFAULTS.withReservedConcurrency(20))
        .hasResourceProperties(
            "AWS::Lambda::Function", Match.objectLike(Map.of("ReservedConcurrentExecutions", 20)));
    App app =
        new App(AppProps.builder().context(Map.of("runpack:reservedConcurrency", "20")).build());
    assertEquals(20, StackOptions.fromContext(app).reservedConcurrency());
    assertThrows(
        IllegalArgumentException.class, () -> StackOptions.DEFAULTS.withReservedConcurrency(-1));
  }

  @Test
  void aPublishedVersionSitsBehindTheLiveAlias() {
    DEFAULT.resourceCountIs("AWS::Lambda::Version", 1);
    DEFAULT.hasResourceProperties(
        "AWS::Lambda::Alias",
        Match.objectLike(
            Map.of(
                "Name",
                "live",
                "FunctionVersion",
                Map.of(
                    "Fn::GetAtt",
                    List.of(
                        Match.stringLikeRegexp("ExportFunctionCurrentVersion.*"), "Version")))));
  }

  @Test
  void auditRecordsAndAccessLogsAreKeptAtLeastAsLongAsTheRunpacks() {
    // runpack:logRetentionDays 90, runpack:objectLockDays 365: a year, both log groups.
    DEFAULT.resourceCountIs("AWS::Logs::LogGroup", 2);
    DEFAULT.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365));
    // Seven years of Object Lock (2,555 days): CloudWatch's seven years (2,557).
    StackFixture.template(StackOptions.DEFAULTS.withObjectLock(2555))
        .allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 2557));
    // A short lock: runpack:logRetentionDays still holds.
    StackFixture.template(StackOptions.DEFAULTS.withObjectLock(30))
        .allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    // Beyond CloudWatch's ten years: kept forever.
    StackFixture.template(StackOptions.DEFAULTS.withObjectLock(4000))
        .allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", Match.absent()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StackOptions(false, 365, true, false, 2048, 120, 100, "runpacks", "", 0));
  }

  @Test
  void runLogTableHasTheAdaptersKeySchemaOnDemandWithRecoveryEncryptionAndDeletionProtection() {
    DEFAULT.hasResource(
        "AWS::DynamoDB::Table",
        Match.objectLike(
            Map.of(
                "DeletionPolicy",
                "Retain",
                "Properties",
                Match.objectLike(
                    Map.of(
                        "KeySchema",
                            List.of(
                                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "AttributeDefinitions",
                            List.of(
                                Map.of("AttributeName", "pk", "AttributeType", "S"),
                                Map.of("AttributeName", "sk", "AttributeType", "S")),
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification",
                            Map.of("PointInTimeRecoveryEnabled", true),
                        "SSESpecification", Map.of("SSEEnabled", true),
                        "DeletionProtectionEnabled", true)))));
  }

  @Test
  void bucketBlocksPublicAccessIsVersionedEncryptedAndRetained() {
    DEFAULT.hasResource(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "DeletionPolicy",
                "Retain",
                "Properties",
                Match.objectLike(
                    Map.of(
                        "PublicAccessBlockConfiguration",
                            Map.of(
                                "BlockPublicAcls",
                                true,
                                "BlockPublicPolicy",
                                true,
                                "IgnorePublicAcls",
                                true,
                                "RestrictPublicBuckets",
                                true),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "BucketEncryption",
                            Map.of(
                                "ServerSideEncryptionConfiguration",
                                List.of(
                                    Map.of(
                                        "ServerSideEncryptionByDefault",
                                        Map.of("SSEAlgorithm", "AES256")))))))));
    Map<String, Map<String, Object>> buckets = DEFAULT.findResources("AWS::S3::Bucket");
    assertEquals(
        false,
        ((Map<?, ?>) buckets.values().iterator().next().get("Properties"))
            .containsKey("ObjectLockEnabled"));
  }

  @Test
  void bucketPolicyRefusesAnythingButTls() {
    DEFAULT.hasResourceProperties(
        "AWS::S3::BucketPolicy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "Effect", "Deny",
                                        "Action", "s3:*",
                                        "Condition",
                                            Map.of(
                                                "Bool",
                                                Map.of("aws:SecureTransport", "false")))))))))));
  }

  @Test
  void writeOnceIsTheDefaultAndOnlyAnExplicitOptionTurnsItOff() {
    assertEquals("true", writeOnceVariable(DEFAULT));
    assertEquals("true", writeOnceVariable(StackFixture.template(StackOptions.DEFAULTS.withKms())));
    assertEquals(
        "false",
        writeOnceVariable(StackFixture.template(StackOptions.DEFAULTS.withoutWriteOnce())));

    assertEquals(true, StackOptions.fromContext(new App()).writeOnce());
    App off = new App(AppProps.builder().context(Map.of("runpack:writeOnce", "false")).build());
    assertEquals(false, StackOptions.fromContext(off).writeOnce());
    App lockedOff =
        new App(
            AppProps.builder()
                .context(Map.of("runpack:writeOnce", "false", "runpack:objectLock", "true"))
                .build());
    assertThrows(IllegalArgumentException.class, () -> StackOptions.fromContext(lockedOff));
  }

  @SuppressWarnings("unchecked")
  private static String writeOnceVariable(Template template) {
    Map<String, Object> function =
        template.findResources("AWS::Lambda::Function").values().iterator().next();
    Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
    Map<String, Object> environment = (Map<String, Object>) properties.get("Environment");
    return (String) ((Map<String, Object>) environment.get("Variables")).get("RUNPACK_WRITE_ONCE");
  }

  @Test
  void objectLockInComplianceModeMakesTheFunctionWriteOnce() {
    Template locked = StackFixture.template(StackOptions.DEFAULTS.withObjectLock(2555));

    locked.hasResourceProperties(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "ObjectLockEnabled",
                true,
                "ObjectLockConfiguration",
                Map.of(
                    "ObjectLockEnabled",
                    "Enabled",
                    "Rule",
                    Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 2555))))));
    locked.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "Environment",
                Map.of("Variables", Match.objectLike(Map.of("RUNPACK_WRITE_ONCE", "true"))))));
  }

  @Test
  void kmsOptionEncryptsWithARotatedCustomerKeyTheFunctionMayUse() {
    Template kms = StackFixture.template(StackOptions.DEFAULTS.withKms());

    kms.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
    kms.hasResourceProperties(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "BucketEncryption",
                Map.of(
                    "ServerSideEncryptionConfiguration",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "ServerSideEncryptionByDefault",
                                Match.objectLike(Map.of("SSEAlgorithm", "aws:kms")))))))));
    kms.hasResourceProperties(
        "AWS::IAM::Policy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                                        "Resource",
                                            Map.of(
                                                "Fn::GetAtt",
                                                List.of(
                                                    Match.stringLikeRegexp("StorageRunpackKey.*"),
                                                    "Arn")))))))))));
  }
}

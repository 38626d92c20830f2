package io.runpack.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The Lambda function: function.zip on the Java 21 runtime with the Quarkus stream handler,
 * SnapStart on published versions behind the alias {@code live} (everything invokes the alias;
 * before each version's snapshot the function primes its export path with {@link #PRIMING_EXPORTS}
 * in-memory exports, which touch no AWS service, and one export's requests sent to a loopback stub
 * with fake credentials, which reach no AWS service either), JSON logs with a set retention, X-Ray
 * tracing, and a role allowed exactly what an export needs (kms:Sign on the manifest signing key
 * only: every manifest is signed; and kms:Verify on it, by which a retried write-once export tells
 * whether the signature an earlier attempt stored is one of the same manifest by that key).
 */
final class RunpackFunction extends Construct {

  static final String HANDLER =
      "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

  /** In-memory exports SnapStart priming runs before the snapshot (runpack.priming.exports). */
  static final int PRIMING_EXPORTS = 3;

  final Function function;
  final Alias alias;
  final Role role;

  RunpackFunction(
      Construct scope,
      String id,
      StackOptions options,
      Storage storage,
      Parameters parameters,
      SigningKey signing,
      Path zip) {
    super(scope, id);
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs").retention(options.auditLogRetention()).build();
    // No managed policy: AWSLambdaBasicExecutionRole grants logs:* on every log group.
    this.role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("Runpack: read run logs, write runpacks, write its own logs")
            .build();
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
            .resources(List.of(logs.getLogGroupArn() + ":*"))
            .build());
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("dynamodb:Query", "dynamodb:GetItem"))
            .resources(List.of(storage.table.getTableArn()))
            .build());
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("s3:PutObject", "s3:GetObject", "s3:GetObjectAttributes"))
            .resources(List.of(storage.bucket.arnForObjects(options.rootPrefix() + "/tenant/*")))
            .build());
    if (storage.key != null) {
      role.addToPolicy(
          PolicyStatement.Builder.create()
              .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
              .resources(List.of(storage.key.getKeyArn()))
              .build());
    }
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("kms:Sign", "kms:Verify"))
            .resources(List.of(signing.key.getKeyArn()))
            .build());

    this.function =
        Function.Builder.create(this, "Function")
            .description("Runpack: exports Decision Gate runs as runpacks (runpack_export)")
            .runtime(Runtime.JAVA_21)
            .handler(HANDLER)
            .code(Code.fromAsset(zip.toString()))
            .memorySize(options.memoryMb())
            .timeout(Duration.seconds(options.timeoutSeconds()))
            .reservedConcurrentExecutions(
                options.reservedConcurrency() > 0 ? options.reservedConcurrency() : null)
            .role(role)
            .logGroup(logs)
            .loggingFormat(LoggingFormat.JSON)
            .tracing(
                Tracing
                    .ACTIVE) // adds xray:PutTraceSegments/PutTelemetryRecords on "*": X-Ray has no
            // resource-level permissions
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .environment(
                Map.ofEntries(
                    Map.entry("RUNPACK_TABLE", storage.table.getTableName()),
                    Map.entry("RUNPACK_BUCKET", storage.bucket.getBucketName()),
                    Map.entry("RUNPACK_ROOT_PREFIX", options.rootPrefix()),
                    Map.entry("RUNPACK_WRITE_ONCE", Boolean.toString(options.writeOnce())),
                    Map.entry(
                        "RUNPACK_SECURITY_NAMESPACE_AUTHORITY",
                        parameters.namespaceAuthority.getValueAsString()),
                    Map.entry(
                        "RUNPACK_API_TENANT_CLAIM", parameters.tenantClaim.getValueAsString()),
                    Map.entry("RUNPACK_SIGNING_KMS_KEY_ID", signing.key.getKeyArn()),
                    Map.entry("RUNPACK_PRIMING_ENABLED", "true"),
                    Map.entry("RUNPACK_PRIMING_EXPORTS", Integer.toString(PRIMING_EXPORTS)),
                    Map.entry("RUNPACK_PRIMING_REQUESTS", "true"),
                    Map.entry(
                        "JAVA_TOOL_OPTIONS",
                        "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC")))
            .build();
    this.alias =
        Alias.Builder.create(this, "Live")
            .aliasName("live")
            .version(function.getCurrentVersion())
            .build();
  }
}

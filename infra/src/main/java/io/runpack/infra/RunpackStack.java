package io.runpack.infra;

import java.nio.file.Path;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Everything Runpack needs in an AWS account: the run-log table, the runpack bucket, the function
 * behind its alias, the manifest signing key, the HTTP API, an example workflow, alarms, and the
 * outputs to use them.
 */
public final class RunpackStack extends Stack {

  public RunpackStack(Construct scope, String id, StackOptions options, Path functionZip) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("Runpack: exports and stores Decision Gate runpacks")
            .build());
    Parameters parameters = new Parameters(this);
    Storage storage = new Storage(this, "Storage", options);
    SigningKey signing = new SigningKey(this, "ManifestSigning");
    RunpackFunction function =
        new RunpackFunction(this, "Export", options, storage, parameters, signing, functionZip);
    signing.signOnlyBy(function.role);
    Api api = new Api(this, "Api", function, parameters, options);
    Workflow workflow = new Workflow(this, "Workflow", function);
    Alarms alarms = new Alarms(this, "Alarms", function, api, options);

    CfnOutput.Builder.create(this, "ApiUrl")
        .value(api.api.getApiEndpoint() + "/runpacks")
        .description("POST runpack_export requests here, with a JWT")
        .build();
    CfnOutput.Builder.create(this, "BucketName").value(storage.bucket.getBucketName()).build();
    CfnOutput.Builder.create(this, "TableName").value(storage.table.getTableName()).build();
    CfnOutput.Builder.create(this, "FunctionAliasArn")
        .value(function.alias.getFunctionArn())
        .description("Invoke this (direct invocation, Step Functions)")
        .build();
    CfnOutput.Builder.create(this, "SigningKeyArn")
        .value(signing.key.getKeyArn())
        .description(
            "The KMS key that signs every manifest; auditors verify with its public key"
                + " (aws kms get-public-key)")
        .build();
    CfnOutput.Builder.create(this, "AlarmTopicArn")
        .value(alarms.topic.getTopicArn())
        .description("Every alarm notifies this SNS topic: subscribe whoever operates Runpack")
        .build();
    CfnOutput.Builder.create(this, "StateMachineArn")
        .value(workflow.stateMachine.getStateMachineArn())
        .build();
  }
}

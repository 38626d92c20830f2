package io.runpack.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * An example workflow: a state machine whose input is the runpack_export request. It invokes the
 * function's alias, retries throttling and storage errors with backoff, and stops on the errors
 * that a retry cannot fix (invalid request, unknown run, write-once conflict).
 */
final class Workflow extends Construct {

  static final List<String> RETRIED =
      List.of("Lambda.TooManyRequestsException", "Lambda.ServiceException", "StorageError");
  static final List<String> CAUGHT = List.of("InvalidRequest", "RunNotFound", "Conflict");

  final StateMachine stateMachine;

  Workflow(Construct scope, String id, RunpackFunction function) {
    super(scope, id);
    LambdaInvoke export =
        LambdaInvoke.Builder.create(this, "ExportRunpack")
            .lambdaFunction(function.alias)
            .payloadResponseOnly(true)
            .retryOnServiceExceptions(false)
            .build();
    export.addRetry(
        RetryProps.builder()
            .errors(RETRIED)
            .interval(Duration.seconds(2))
            .backoffRate(2)
            .maxAttempts(4)
            .build());
    Fail refused =
        Fail.Builder.create(this, "ExportRefused")
            .error("RunpackExportRefused")
            .causePath("$.Cause")
            .build();
    export.addCatch(refused, CatchProps.builder().errors(CAUGHT).build());
    this.stateMachine =
        StateMachine.Builder.create(this, "ExportWorkflow")
            .definitionBody(
                DefinitionBody.fromChainable(export.next(new Succeed(this, "Exported"))))
            .timeout(Duration.minutes(30))
            .build();
  }
}

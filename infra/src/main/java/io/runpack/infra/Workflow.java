package io.runpack.infra;

import io.runpack.domain.error.ErrorCode;
import java.util.List;
import java.util.stream.Stream;
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
 * that a retry cannot fix (the request, the run or the target is wrong). Error types are the
 * function's own ({@link ErrorCode#lambdaErrorType()}).
 */
final class Workflow extends Construct {

  static final List<String> RETRIED =
      List.of(
          "Lambda.TooManyRequestsException",
          "Lambda.ServiceException",
          ErrorCode.STORAGE_ERROR.lambdaErrorType());

  /** What a retry cannot fix: the request, the run or the target is wrong. */
  static final List<String> CAUGHT =
      Stream.of(
              ErrorCode.INVALID_REQUEST,
              ErrorCode.INVALID_JSON,
              ErrorCode.RUN_NOT_FOUND,
              ErrorCode.INVALID_RUN_DATA,
              ErrorCode.SPEC_HASH_MISMATCH,
              ErrorCode.LIMIT_EXCEEDED,
              ErrorCode.CONFLICT,
              ErrorCode.FORBIDDEN)
          .map(ErrorCode::lambdaErrorType)
          .toList();

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

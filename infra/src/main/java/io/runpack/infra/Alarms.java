package io.runpack.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/** Alarms on what needs an operator: function errors and throttles, p99 duration near the timeout, API 5xx. */
final class Alarms extends Construct {

  Alarms(Construct scope, String id, RunpackFunction function, Api api, StackOptions options) {
    super(scope, id);
    MetricOptions fiveMinutes = MetricOptions.builder().period(Duration.minutes(5)).build();
    Alarm.Builder.create(this, "FunctionErrors")
        .alarmDescription("Runpack exports failed (any errorType)")
        .metric(function.alias.metricErrors(fiveMinutes))
        .threshold(1).evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    Alarm.Builder.create(this, "FunctionThrottles")
        .alarmDescription("Runpack invocations were throttled")
        .metric(function.alias.metricThrottles(fiveMinutes))
        .threshold(1).evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    Alarm.Builder.create(this, "DurationNearTimeout")
        .alarmDescription("Runpack p99 duration above 80% of the timeout")
        .metric(function.alias.metricDuration(MetricOptions.builder().period(Duration.minutes(5)).statistic("p99").build()))
        .threshold(options.timeoutSeconds() * 1000 * 0.8).evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    Alarm.Builder.create(this, "Api5xx")
        .alarmDescription("The Runpack API answered 5xx")
        .metric(api.api.metricServerError(fiveMinutes))
        .threshold(1).evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }
}

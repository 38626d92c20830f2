package io.runpack.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Alarms on what needs an operator: function errors and throttles, p99 duration near the timeout,
 * API 5xx, p99 API integration latency near the integration's timeout (an API export cut off there
 * is a 503 to its caller while the function goes on). Every alarm notifies the stack's topic
 * (output {@code AlarmTopicArn}), which the e-mail address {@code runpack:alarmEmail} is subscribed
 * to when one is given.
 */
final class Alarms extends Construct {

  private static final MetricOptions FIVE_MINUTES =
      MetricOptions.builder().period(Duration.minutes(5)).build();

  final Topic topic;

  Alarms(Construct scope, String id, RunpackFunction function, Api api, StackOptions options) {
    super(scope, id);
    this.topic = Topic.Builder.create(this, "Topic").displayName("Runpack alarms").build();
    if (!options.alarmEmail().isEmpty()) {
      topic.addSubscription(new EmailSubscription(options.alarmEmail()));
    }
    atLeastOnce(
        "FunctionErrors",
        "Runpack exports failed (any errorType)",
        function.alias.metricErrors(FIVE_MINUTES));
    atLeastOnce(
        "FunctionThrottles",
        "Runpack invocations were throttled",
        function.alias.metricThrottles(FIVE_MINUTES));
    atLeastOnce("Api5xx", "The Runpack API answered 5xx", api.api.metricServerError(FIVE_MINUTES));
    alarm(
        "DurationNearTimeout",
        "Runpack p99 duration above 80% of the timeout",
        function.alias.metricDuration(
            MetricOptions.builder().period(Duration.minutes(5)).statistic("p99").build()),
        options.timeoutSeconds() * 1000 * 0.8,
        ComparisonOperator.GREATER_THAN_THRESHOLD);
    alarm(
        "ApiIntegrationLatencyNearTimeout",
        "Runpack API p99 integration latency above 80% of the API's integration timeout",
        api.api.metricIntegrationLatency(
            MetricOptions.builder().period(Duration.minutes(5)).statistic("p99").build()),
        Api.INTEGRATION_TIMEOUT.toMilliseconds().doubleValue() * 0.8,
        ComparisonOperator.GREATER_THAN_THRESHOLD);
  }

  private void atLeastOnce(String id, String description, IMetric metric) {
    alarm(id, description, metric, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
  }

  private void alarm(
      String id,
      String description,
      IMetric metric,
      double threshold,
      ComparisonOperator comparison) {
    Alarm alarm =
        Alarm.Builder.create(this, id)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .evaluationPeriods(1)
            .comparisonOperator(comparison)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    alarm.addAlarmAction(new SnsAction(topic));
  }
}

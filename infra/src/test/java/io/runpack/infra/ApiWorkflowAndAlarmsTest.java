package io.runpack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The HTTP API and its JWT authorizer, the example workflow's Retry/Catch, the alarms, the outputs,
 * synthesis.
 */
class ApiWorkflowAndAlarmsTest {

  static final Template DEFAULT = StackFixture.template(StackOptions.DEFAULTS);

  @Test
  void postRunpacksRouteIsBehindTheJwtAuthorizer() {
    DEFAULT.hasResourceProperties(
        "AWS::ApiGatewayV2::Route",
        Match.objectLike(
            Map.of(
                "RouteKey", "POST /runpacks",
                "AuthorizationType", "JWT",
                "AuthorizerId", Map.of("Ref", Match.stringLikeRegexp("ApiHttpApiJwt.*")))));
    DEFAULT.hasResourceProperties(
        "AWS::ApiGatewayV2::Authorizer",
        Match.objectLike(
            Map.of(
                "AuthorizerType", "JWT",
                "IdentitySource", List.of("$request.header.Authorization"),
                "JwtConfiguration",
                    Map.of(
                        "Issuer",
                        Map.of("Ref", "JwtIssuer"),
                        "Audience",
                        List.of(Map.of("Ref", "JwtAudience"))))));
  }

  @Test
  void apiIntegratesTheAliasNotTheUnqualifiedFunction() {
    DEFAULT.hasResourceProperties(
        "AWS::ApiGatewayV2::Integration",
        Match.objectLike(
            Map.of(
                "IntegrationType", "AWS_PROXY",
                "IntegrationUri", Map.of("Ref", Match.stringLikeRegexp("ExportLive.*")),
                "PayloadFormatVersion", "2.0")));
  }

  @Test
  void apiWaitsForTheFunctionAnExplicitTimeoutShorterThanTheFunctions() {
    DEFAULT.hasResourceProperties(
        "AWS::ApiGatewayV2::Integration",
        Match.objectLike(
            Map.of(
                "IntegrationUri",
                Map.of("Ref", Match.stringLikeRegexp("ExportLive.*")),
                "TimeoutInMillis",
                29000)));
    assertTrue(29 < StackOptions.DEFAULTS.timeoutSeconds());
    DEFAULT.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(
            Map.of(
                "MetricName",
                "IntegrationLatency",
                "Namespace",
                "AWS/ApiGateway",
                "Dimensions",
                List.of(
                    Map.of(
                        "Name",
                        "ApiId",
                        "Value",
                        Map.of("Ref", Match.stringLikeRegexp("ApiHttpApi.*")))),
                "ExtendedStatistic",
                "p99",
                "Threshold",
                23200,
                "ComparisonOperator",
                "GreaterThanThreshold")));
  }

  @Test
  void stageThrottlesAndWritesJsonAccessLogs() {
    DEFAULT.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Match.objectLike(
            Map.of(
                "StageName",
                "$default",
                "AutoDeploy",
                true,
                "DefaultRouteSettings",
                Map.of(
                    "ThrottlingBurstLimit", Api.BURST_LIMIT, "ThrottlingRateLimit", Api.RATE_LIMIT),
                "AccessLogSettings",
                Map.of(
                    "DestinationArn",
                        Map.of(
                            "Fn::GetAtt",
                            List.of(Match.stringLikeRegexp("ApiAccessLogs.*"), "Arn")),
                    "Format",
                        Match.stringLikeRegexp("\\{\"requestId\":\"\\$context.requestId\".*")))));
  }

  @Test
  void workflowRetriesThrottlingAndStorageErrorsAndCatchesWhatARetryCannotFix() throws Exception {
    Map<String, Map<String, Object>> machines =
        DEFAULT.findResources("AWS::StepFunctions::StateMachine");
    assertEquals(1, machines.size());
    String definition = new ObjectMapper().writeValueAsString(machines.values().iterator().next());

    assertTrue(
        definition.contains(
            "\\\"Retry\\\":[{\\\"ErrorEquals\\\":[\\\"Lambda.TooManyRequestsException\\\","
                + "\\\"Lambda.ServiceException\\\",\\\"runpack.StorageError\\\"],\\\"IntervalSeconds\\\":2,\\\"MaxAttempts\\\":4,\\\"BackoffRate\\\":2}]"),
        definition);
    assertTrue(
        definition.contains(
            "\\\"Catch\\\":[{\\\"ErrorEquals\\\":[\\\"runpack.InvalidRequest\\\",\\\"runpack.InvalidJson\\\","
                + "\\\"runpack.RunNotFound\\\",\\\"runpack.InvalidRunData\\\",\\\"runpack.SpecHashMismatch\\\","
                + "\\\"runpack.LimitExceeded\\\",\\\"runpack.Conflict\\\",\\\"runpack.Forbidden\\\"],"
                + "\\\"Next\\\":\\\"ExportRefused\\\"}]"),
        definition);
    assertTrue(definition.contains("{\"Ref\":\"ExportLive"), "invokes the alias: " + definition);
  }

  @Test
  void alarmsWatchErrorsThrottlesDurationApi5xxAndApiLatency() {
    DEFAULT.resourceCountIs("AWS::CloudWatch::Alarm", 5);
    DEFAULT.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(Map.of("MetricName", "Errors", "Namespace", "AWS/Lambda")));
    DEFAULT.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(Map.of("MetricName", "Throttles", "Namespace", "AWS/Lambda")));
    DEFAULT.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(
            Map.of(
                "MetricName",
                "Duration",
                "ExtendedStatistic",
                "p99",
                "Threshold",
                96000,
                "ComparisonOperator",
                "GreaterThanThreshold")));
    DEFAULT.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(Map.of("MetricName", "5xx", "Namespace", "AWS/ApiGateway")));
  }

  @Test
  void everyAlarmNotifiesTheStacksTopicWhichNoOneIsSubscribedToUnlessAnEmailIsGiven() {
    DEFAULT.resourceCountIs("AWS::SNS::Topic", 1);
    String topic = DEFAULT.findResources("AWS::SNS::Topic").keySet().iterator().next();
    Map<String, Map<String, Object>> alarms = DEFAULT.findResources("AWS::CloudWatch::Alarm");
    assertEquals(5, alarms.size());
    for (Map.Entry<String, Map<String, Object>> alarm : alarms.entrySet()) {
      Map<?, ?> properties = (Map<?, ?>) alarm.getValue().get("Properties");
      assertEquals(List.of(Map.of("Ref", topic)), properties.get("AlarmActions"), alarm.getKey());
    }
    DEFAULT.resourceCountIs("AWS::SNS::Subscription", 0);
    DEFAULT.hasOutput(
        "AlarmTopicArn", Map.of("Value", Map.of("Ref", topic), "Description", Match.anyValue()));

    Template mailed =
        StackFixture.template(StackOptions.DEFAULTS.withAlarmEmail("ops@example.com"));
    mailed.resourceCountIs("AWS::SNS::Subscription", 1);
    mailed.hasResourceProperties(
        "AWS::SNS::Subscription",
        Map.of(
            "Protocol",
            "email",
            "Endpoint",
            "ops@example.com",
            "TopicArn",
            Map.of("Ref", Match.stringLikeRegexp("AlarmsTopic.*"))));
    App app =
        new App(
            AppProps.builder().context(Map.of("runpack:alarmEmail", "ops@example.com")).build());
    assertEquals("ops@example.com", StackOptions.fromContext(app).alarmEmail());
    assertThrows(
        IllegalArgumentException.class,
        () -> StackOptions.DEFAULTS.withAlarmEmail("not an address"));
  }

  @Test
  void outputsNameWhatUsersNeed() {
    for (String output :
        List.of(
            "ApiUrl",
            "BucketName",
            "TableName",
            "FunctionAliasArn",
            "StateMachineArn",
            "AlarmTopicArn")) {
      DEFAULT.hasOutput(output, Match.anyValue());
    }
    DEFAULT.hasOutput(
        "FunctionAliasArn",
        Map.of(
            "Value",
            Map.of("Ref", Match.stringLikeRegexp("ExportLive.*")),
            "Description",
            Match.anyValue()));
  }

  @Test
  void cdkJsonContextReachesTheStackOptions(@TempDir Path dir) throws Exception {
    Path cdkJson =
        Files.writeString(
            dir.resolve("cdk.json"),
            "{\"context\":{\"runpack:objectLock\":true,\"runpack:objectLockDays\":30,\"runpack:rootPrefix\":\"audit\"}}");
    App app =
        new App(
            AppProps.builder()
                .outdir(dir.resolve("out").toString())
                .context(RunpackApp.context(cdkJson))
                .build());

    StackOptions options = StackOptions.fromContext(app);

    assertEquals("audit", options.rootPrefix());
    assertTrue(options.objectLock());
    assertEquals(30, options.objectLockDays());
  }

  @Test
  void appSynthesizesACloudAssemblyWithoutAnAccount(@TempDir Path out) throws Exception {
    App app = new App(AppProps.builder().outdir(out.toString()).build());
    new RunpackStack(app, "Runpack", StackOptions.DEFAULTS, StackFixture.functionZip());
    app.synth();

    assertTrue(Files.isRegularFile(out.resolve("Runpack.template.json")));
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
    try (var files = Files.list(out)) {
      assertTrue(
          files.anyMatch(
              p ->
                  p.getFileName().toString().startsWith("asset.") && p.toString().endsWith(".zip")),
          "function.zip staged as an asset");
    }
  }
}

package io.runpack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * IAM, least privilege first: the function may Query/GetItem its table, Put/Get/GetObjectAttributes
 * under its runpack prefix, Sign and Verify with the manifest signing key, write its own logs; no
 * wildcard anywhere but where AWS demands it (X-Ray has no resource-level permissions; the TLS-only
 * bucket policy denies s3:* to everyone).
 */
class LeastPrivilegeTest {

  static final Template DEFAULT = StackFixture.template(StackOptions.DEFAULTS);
  static final Template KMS_AND_LOCK =
      StackFixture.template(StackOptions.DEFAULTS.withKms().withObjectLock(30));

  @Test
  void functionRoleHasNoManagedPolicyAndOnlyLambdaMayAssumeIt() {
    DEFAULT.hasResourceProperties(
        "AWS::IAM::Role",
        Match.objectLike(
            Map.of(
                "AssumeRolePolicyDocument",
                    Map.of(
                        "Statement",
                        List.of(
                            Map.of(
                                "Action",
                                "sts:AssumeRole",
                                "Effect",
                                "Allow",
                                "Principal",
                                Map.of("Service", "lambda.amazonaws.com"))),
                        "Version",
                        "2012-10-17"),
                "ManagedPolicyArns", Match.absent())));
  }

  @Test
  void functionMayReadItsTableAndWriteUnderItsPrefixOnly() {
    DEFAULT.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "PolicyDocument",
                Map.of(
                    "Version",
                    "2012-10-17",
                    "Statement",
                    List.of(
                        Map.of(
                            "Action",
                            List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                            "Effect",
                            "Allow",
                            "Resource",
                            Map.of(
                                "Fn::Join",
                                List.of(
                                    "",
                                    List.of(
                                        Map.of(
                                            "Fn::GetAtt",
                                            List.of(Match.stringLikeRegexp("ExportLogs.*"), "Arn")),
                                        ":*")))),
                        Map.of(
                            "Action",
                            List.of("dynamodb:Query", "dynamodb:GetItem"),
                            "Effect",
                            "Allow",
                            "Resource",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("StorageRunLogTable.*"), "Arn"))),
                        Map.of(
                            "Action",
                            List.of("s3:PutObject", "s3:GetObject", "s3:GetObjectAttributes"),
                            "Effect",
                            "Allow",
                            "Resource",
                            Map.of(
                                "Fn::Join",
                                List.of(
                                    "",
                                    List.of(
                                        Map.of(
                                            "Fn::GetAtt",
                                            List.of(
                                                Match.stringLikeRegexp("StorageRunpackBucket.*"),
                                                "Arn")),
                                        "/runpacks/tenant/*")))),
                        Map.of(
                            "Action",
                            List.of("kms:Sign", "kms:Verify"),
                            "Effect",
                            "Allow",
                            "Resource",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("ManifestSigningKey.*"), "Arn"))),
                        Map.of(
                            "Action",
                            List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                            "Effect",
                            "Allow",
                            "Resource",
                            "*"))),
            "PolicyName", Match.anyValue(),
            "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("ExportRole.*")))));
  }

  @Test
  void workflowMayOnlyInvokeTheAlias() {
    DEFAULT.hasResourceProperties(
        "AWS::IAM::Policy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                    Map.of(
                        "Version",
                        "2012-10-17",
                        "Statement",
                        List.of(
                            Map.of(
                                "Action",
                                "lambda:InvokeFunction",
                                "Effect",
                                "Allow",
                                "Resource",
                                Map.of("Ref", Match.stringLikeRegexp("ExportLive.*"))))),
                "Roles",
                    List.of(
                        Map.of("Ref", Match.stringLikeRegexp("WorkflowExportWorkflowRole.*"))))));
  }

  @Test
  void noWildcardBeyondTheDocumentedExceptions() {
    for (Template template : List.of(DEFAULT, KMS_AND_LOCK)) {
      List<String> offending = new ArrayList<>();
      for (Map<String, Object> statement : allowStatements(template)) {
        List<String> actions = strings(statement.get("Action"));
        boolean xray = actions.stream().allMatch(a -> a.startsWith("xray:"));
        actions.stream().filter(a -> a.contains("*")).forEach(a -> offending.add("action " + a));
        if ("*".equals(statement.get("Resource")) && !xray) {
          offending.add("resource * for " + actions);
        }
      }
      assertEquals(List.of(), offending);
    }
  }

  @Test
  void bucketPolicyWildcardsAppearOnlyInTheTlsDeny() {
    for (Map<String, Object> policy : values(DEFAULT.findResources("AWS::S3::BucketPolicy"))) {
      for (Map<String, Object> statement : statements(properties(policy).get("PolicyDocument"))) {
        assertEquals("Deny", statement.get("Effect"), statement.toString());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> allowStatements(Template template) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy : values(template.findResources("AWS::IAM::Policy"))) {
      for (Map<String, Object> statement : statements(properties(policy).get("PolicyDocument"))) {
        if ("Allow".equals(statement.get("Effect"))) {
          statements.add(statement);
        }
      }
    }
    assertTrue(statements.size() >= 5, "found the policies: " + statements);
    return statements;
  }

  private static List<Map<String, Object>> values(Map<String, Map<String, Object>> resources) {
    return new ArrayList<>(resources.values());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(Object document) {
    return (List<Map<String, Object>>) ((Map<String, Object>) document).get("Statement");
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    if (value instanceof String single) {
      return List.of(single);
    }
    return (List<String>) value;
  }
}

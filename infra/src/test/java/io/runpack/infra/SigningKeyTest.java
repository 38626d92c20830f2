package io.runpack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The manifest signing key: asymmetric (ECC_NIST_P256, SIGN_VERIFY), retained with the stack
 * deleted, named to the function, which alone may Sign with it, and output for auditors.
 */
class SigningKeyTest {

  static final Template DEFAULT = StackFixture.template(StackOptions.DEFAULTS);

  @Test
  void signingKeyIsAnAsymmetricP256KeyThatIsRetained() {
    DEFAULT.hasResource(
        "AWS::KMS::Key",
        Match.objectLike(
            Map.of(
                "Properties",
                Match.objectLike(Map.of("KeySpec", "ECC_NIST_P256", "KeyUsage", "SIGN_VERIFY")),
                "DeletionPolicy",
                "Retain",
                "UpdateReplacePolicy",
                "Retain")));
  }

  @Test
  void functionIsToldTheKeyArn() {
    DEFAULT.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "Environment",
                Map.of(
                    "Variables",
                    Match.objectLike(
                        Map.of(
                            "RUNPACK_SIGNING_KMS_KEY_ID",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(
                                    Match.stringLikeRegexp("ManifestSigningKey.*"), "Arn"))))))));
  }

  @Test
  void onlyTheFunctionRoleMaySignAndOnlyWithThisKey() {
    Map<String, Map<String, Object>> policies = DEFAULT.findResources("AWS::IAM::Policy");
    List<String> signers =
        policies.entrySet().stream()
            .filter(e -> e.getValue().toString().contains("kms:Sign"))
            .map(Map.Entry::getKey)
            .toList();

    assertEquals(1, signers.size(), signers.toString());
    assertEquals(true, signers.get(0).startsWith("ExportRoleDefaultPolicy"), signers.toString());
  }

  @Test
  void keyArnIsAnOutput() {
    DEFAULT.hasOutput(
        "SigningKeyArn",
        Map.of(
            "Value",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ManifestSigningKey.*"), "Arn")),
            "Description",
            Match.anyValue()));
  }
}

package io.runpack.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeySpec;
import software.amazon.awscdk.services.kms.KeyUsage;
import software.constructs.Construct;

/**
 * The key that signs every manifest: an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY; the
 * function signs with ECDSA_SHA_256), retained when the stack is deleted, because auditors verify
 * runpacks with its public key for years. KMS does not rotate asymmetric keys: rotation is
 * re-keying (a new key, its public key published beside the old one; see the README).
 *
 * <p>The key policy keeps CDK's default statement ({@code kms:*} for the account root, which
 * delegates the key to the account's IAM policies, so the account never loses the key) and adds,
 * once the signer is known ({@link #signOnlyBy}), an explicit {@code Deny kms:Sign} for every
 * principal but the function's role. Without it any principal whose own IAM policy allows {@code
 * kms:Sign} (AdministratorAccess, PowerUserAccess, {@code kms:*} on {@code *}) could make valid
 * runpack signatures. {@code kms:GetPublicKey}, {@code kms:DescribeKey} and {@code kms:Verify} stay
 * open to the account's IAM policies: auditors need the public key.
 */
final class SigningKey extends Construct {

  /** The one action the Deny covers: reading the key and verifying stay delegated to IAM. */
  static final String SIGN = "kms:Sign";

  final Key key;

  SigningKey(Construct scope, String id) {
    super(scope, id);
    this.key =
        Key.Builder.create(this, "Key")
            .description("Runpack: signs every runpack manifest (<manifest>.sig)")
            .keySpec(KeySpec.ECC_NIST_P256)
            .keyUsage(KeyUsage.SIGN_VERIFY)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  /**
   * Denies {@code kms:Sign} to every principal whose {@code aws:PrincipalArn} is not {@code
   * signer}'s ARN (for a session of an assumed role, aws:PrincipalArn is the role's ARN; a request
   * without the key, an anonymous one, is denied too). The key policy then names the role (its
   * {@code Fn::GetAtt Arn}): the role itself does not depend on the key (its policy naming the key
   * is a resource of its own), so there is no cycle.
   */
  void signOnlyBy(IRole signer) {
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("SignOnlyByTheRunpackFunctionRole")
            .effect(Effect.DENY)
            .principals(List.of(new AnyPrincipal()))
            .actions(List.of(SIGN))
            .resources(List.of("*"))
            .conditions(Map.of("StringNotEquals", Map.of("aws:PrincipalArn", signer.getRoleArn())))
            .build());
  }
}

package io.runpack.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeySpec;
import software.amazon.awscdk.services.kms.KeyUsage;
import software.constructs.Construct;

/**
 * The key that signs every manifest: an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY; the
 * function signs with ECDSA_SHA_256), retained when the stack is deleted, because auditors verify
 * runpacks with its public key for years. KMS does not rotate asymmetric keys: rotation is
 * re-keying (a new key, its public key published beside the old one; see the README).
 */
final class SigningKey extends Construct {

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
}

package io.runpack.cli;

import io.runpack.adapters.signing.Ed25519Keys;
import io.runpack.adapters.signing.Ed25519Signer;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.VerificationKey;

/**
 * The key files named on the command line ({@code --signing-key}, {@code --public-key}), read with
 * {@link Limits#MAX_KEY_FILE_BYTES} as their bound. A file that is missing, too large or not a key
 * is invalid input (exit 2); key bytes are never printed.
 */
final class KeyFiles {

  private KeyFiles() {}

  static Ed25519Signer signer(String file, Console console) {
    byte[] bytes = Inputs.read(file, Limits.MAX_KEY_FILE_BYTES, console, "signing key");
    try {
      return Ed25519Signer.fromSeed(Ed25519Keys.privateSeed(bytes, file));
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
  }

  static VerificationKey publicKey(String file, Console console) {
    byte[] bytes = Inputs.read(file, Limits.MAX_KEY_FILE_BYTES, console, "public key");
    try {
      return Ed25519Keys.publicKey(bytes, file);
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
  }
}

package io.runpack.cli;

import io.runpack.adapters.signing.Ed25519Signer;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.port.out.SignManifestPort;

/**
 * Decision Gate's signature of a command's output ({@code --signature-out PATH --signing-key KEY},
 * FORMAT §6): the canonical JSON record {@code
 * {"hash":{"algorithm":"sha256","value":HEX},"key_id":…,"scheme":"ed25519","signature":…}} over the
 * exact bytes the command prints (the same record as a manifest's detached signature). The key file
 * is read with its 8 KiB bound ({@link KeyFiles}).
 *
 * <p>The record is written whole ({@link WholeFile}) before the output is printed: a failure to
 * sign or write prints nothing.
 */
final class OutputSignature {

  private OutputSignature() {}

  /** Both options or neither; one alone is invalid input. */
  static void requirePair(String signatureOut, String signingKey) {
    if ((signatureOut == null) != (signingKey == null)) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          signatureOut == null
              ? "--signing-key needs --signature-out"
              : "--signature-out needs --signing-key");
    }
  }

  static void write(byte[] output, String signingKey, WholeFile signatureOut, Console console) {
    Ed25519Signer signer = KeyFiles.signer(signingKey, console);
    SignManifestPort.Signed signed = signer.sign(output.clone());
    byte[] record =
        ManifestSignature.of(output, signed.scheme(), signed.keyId(), signed.signature()).toBytes();
    signatureOut.write(record);
  }
}

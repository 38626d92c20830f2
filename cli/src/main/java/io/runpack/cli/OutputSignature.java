package io.runpack.cli;

import io.runpack.adapters.signing.Ed25519Signer;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.port.out.SignManifestPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Decision Gate's signature of a command's output ({@code --signature-out PATH --signing-key KEY},
 * FORMAT §6): the canonical JSON record {@code
 * {"hash":{"algorithm":"sha256","value":HEX},"key_id":…,"scheme":"ed25519","signature":…}} over the
 * exact bytes the command prints (the same record as a manifest's detached signature). The key file
 * is read with its 8 KiB bound ({@link KeyFiles}).
 *
 * <p>The record is written whole (to a temporary file beside PATH, then renamed over it) before the
 * output is printed: a failure to sign or write prints nothing.
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

  static void write(byte[] output, String signingKey, String signatureOut, Console console) {
    Ed25519Signer signer = KeyFiles.signer(signingKey, console);
    SignManifestPort.Signed signed = signer.sign(output.clone());
    byte[] record =
        ManifestSignature.of(output, signed.scheme(), signed.keyId(), signed.signature()).toBytes();
    Path target;
    try {
      target = Path.of(signatureOut).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "not a usable file name: " + e.getMessage());
    }
    Path temporary = null;
    try {
      temporary = Files.createTempFile(target.getParent(), ".runpack-sig-", ".tmp");
      Files.write(temporary, record);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot write signature " + signatureOut + ": " + e.getClass().getSimpleName());
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the write failed already; that is the error reported
      }
    }
  }
}

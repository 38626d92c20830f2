package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.in.VerifyRunpackUseCase;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.json.JsonValue;
import java.util.Objects;

/**
 * Verifies a stored runpack: reads its manifest (bounded), refuses an unknown version before
 * decoding anything else (fail closed), decodes the manifest strictly, then runs the verifier. A
 * missing or malformed manifest is {@link ErrorCode#INVALID_MANIFEST}; storage that cannot be read
 * stays {@link ErrorCode#STORAGE_ERROR}.
 */
public final class VerifyRunpackService implements VerifyRunpackUseCase {

  private final JsonDecoder decoder;
  private final RunpackVerifier verifier;

  public VerifyRunpackService(JsonDecoder decoder) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.verifier = new RunpackVerifier();
  }

  @Override
  public VerificationReport verify(VerifyRunpackCommand command) {
    String name = command.manifestName().value();
    JsonValue json;
    try {
      json = decoder.decode(command.source().read(name, Limits.MAX_ARTIFACT_BYTES));
    } catch (RunpackException e) {
      // Storage that fails is not a bad manifest: keep its code so callers can retry.
      ErrorCode code =
          e.code() == ErrorCode.STORAGE_ERROR
              ? ErrorCode.STORAGE_ERROR
              : ErrorCode.INVALID_MANIFEST;
      throw new RunpackException(code, "cannot read manifest " + name + ": " + e.getMessage(), e);
    }
    String version = Manifest.versionOf(json);
    if (!Manifest.VERSION_V1.equals(version)) {
      return RunpackVerifier.unsupportedVersion(version);
    }
    return verifier.verify(Manifest.fromJson(json), command.source());
  }
}

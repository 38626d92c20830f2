package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.in.VerifyRunpackUseCase;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a stored runpack: reads its manifest (bounded), refuses an unknown version before
 * decoding anything else (fail closed), decodes the manifest strictly, then runs the verifier; a
 * manifest of another run than the one the runpack's location names ({@link
 * VerifyRunpackCommand#placedAs}) is one more error. A missing or malformed manifest is {@link
 * ErrorCode#INVALID_MANIFEST}; storage that cannot be read stays {@link ErrorCode#STORAGE_ERROR}.
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
    Manifest manifest = Manifest.fromJson(json);
    VerificationReport report = verifier.verify(manifest, command.source());
    if (command.placedAs().isEmpty() || isOf(manifest, command.placedAs().get())) {
      return report;
    }
    List<String> errors = new ArrayList<>(report.errors());
    errors.add(
        "runpack location names "
            + describe(
                command.placedAs().get().tenantId(),
                command.placedAs().get().namespaceId(),
                command.placedAs().get().scenarioId(),
                command.placedAs().get().runId(),
                command.placedAs().get().specHash())
            + ", but its manifest is of "
            + describe(
                manifest.tenantId(),
                manifest.namespaceId(),
                manifest.scenarioId(),
                manifest.runId(),
                manifest.specHash()));
    return new VerificationReport(report.checkedFiles(), errors);
  }

  private static boolean isOf(Manifest manifest, RunpackTarget run) {
    return manifest.tenantId() == run.tenantId()
        && manifest.namespaceId() == run.namespaceId()
        && manifest.scenarioId().equals(run.scenarioId())
        && manifest.runId().equals(run.runId())
        && manifest.specHash().equals(run.specHash());
  }

  private static String describe(
      long tenant, long namespace, String scenario, String run, HashDigest spec) {
    return "tenant "
        + Long.toUnsignedString(tenant)
        + ", namespace "
        + Long.toUnsignedString(namespace)
        + ", scenario "
        + RunpackPath.printable(scenario)
        + ", run "
        + RunpackPath.printable(run)
        + ", spec "
        + spec.algorithm()
        + ":"
        + spec.value();
  }
}

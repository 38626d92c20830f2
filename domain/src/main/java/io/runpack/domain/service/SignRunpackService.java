package io.runpack.domain.service;

import io.runpack.domain.model.Limits;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.SignManifestPort;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs an existing runpack: verifies it first (a runpack that fails verification is not signed),
 * then signs the exact manifest bytes that were verified. Returns the signature file for the caller
 * to store beside the manifest; writes nothing itself.
 */
public final class SignRunpackService {

  /** The verification, and the signature file when the runpack passed it. */
  public record Outcome(VerificationReport report, Optional<RunpackFile> signature) {
    public Outcome {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(signature, "signature");
    }
  }

  private final VerifyRunpackService verifier;
  private final SignManifestPort signer;

  public SignRunpackService(JsonDecoder decoder, SignManifestPort signer) {
    this.verifier = new VerifyRunpackService(Objects.requireNonNull(decoder, "decoder"));
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  public Outcome sign(VerifyRunpackCommand command) {
    String name = command.manifestName().value();
    ManifestSigning.signaturePath(command.manifestName());
    RememberingReader reader = new RememberingReader(command.source(), name);
    VerificationReport report = verifier.verify(command.readingFrom(reader));
    if (!report.passed()) {
      return new Outcome(report, Optional.empty());
    }
    byte[] manifest =
        reader.remembered().orElseGet(() -> command.source().read(name, Limits.MAX_ARTIFACT_BYTES));
    return new Outcome(
        report, Optional.of(ManifestSigning.sign(signer, command.manifestName(), manifest)));
  }
}

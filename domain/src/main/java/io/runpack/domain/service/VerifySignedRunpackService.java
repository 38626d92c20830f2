package io.runpack.domain.service;

import io.runpack.domain.model.Limits;
import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.SignedVerification;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.out.JsonDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verification with the manifest's detached signature: Decision Gate's verification, unchanged,
 * then the signature of the very manifest bytes it read. With a trusted public key, a signature
 * that is not {@link SignatureStatus.State#VALID} is one more error in the report (so the status is
 * fail); without one, the signature's status is only reported beside the verdict.
 */
public final class VerifySignedRunpackService {

  private final VerifyRunpackService verifier;
  private final SignatureChecker signatures;

  public VerifySignedRunpackService(JsonDecoder decoder) {
    Objects.requireNonNull(decoder, "decoder");
    this.verifier = new VerifyRunpackService(decoder);
    this.signatures = new SignatureChecker(decoder);
  }

  public SignedVerification verify(VerifyRunpackCommand command, Optional<VerificationKey> key) {
    String name = command.manifestName().value();
    RememberingReader reader = new RememberingReader(command.source(), name);
    VerificationReport report = verifier.verify(command.readingFrom(reader));
    byte[] manifest =
        reader.remembered().orElseGet(() -> command.source().read(name, Limits.MAX_ARTIFACT_BYTES));
    SignatureStatus signature =
        signatures.check(command.source(), command.manifestName(), manifest, key);
    if (key.isPresent() && !signature.valid()) {
      List<String> errors = new ArrayList<>(report.errors());
      errors.add(signature.message());
      report = new VerificationReport(report.checkedFiles(), errors);
    }
    return new SignedVerification(report, signature);
  }
}

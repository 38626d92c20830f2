package io.runpack.domain.port.in;

import io.runpack.domain.model.VerificationReport;

/**
 * Verifies a stored runpack offline (FORMAT §3). A runpack that fails verification gives a failing
 * report; only a missing or malformed manifest is an error.
 */
public interface VerifyRunpackUseCase {

  VerificationReport verify(VerifyRunpackCommand command);
}

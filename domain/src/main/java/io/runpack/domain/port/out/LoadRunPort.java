package io.runpack.domain.port.out;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;

/**
 * Loads a run (its state and scenario spec) from wherever runs are stored.
 *
 * <p>Contract: a missing run or spec is {@link ErrorCode#RUN_NOT_FOUND}; stored data that cannot be
 * read as a run is {@link ErrorCode#INVALID_RUN_DATA}; an unreachable store is {@link
 * ErrorCode#STORAGE_ERROR}. Every message names the key.
 */
public interface LoadRunPort {

  LoadedRun loadRun(RunKey key);
}

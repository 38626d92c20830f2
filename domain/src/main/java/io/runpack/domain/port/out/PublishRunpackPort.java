package io.runpack.domain.port.out;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import java.util.List;
import java.util.Optional;

/**
 * Writes a complete runpack to storage.
 *
 * <p>Contract: every artifact is written before the manifest, so a runpack whose manifest is
 * visible is complete; if any write fails the manifest is not written and the call fails with
 * {@link ErrorCode#STORAGE_ERROR} (or {@link ErrorCode#CONFLICT} for write-once storage that holds
 * other bytes). Returns the storage URI of managed storage, empty for a local directory.
 */
public interface PublishRunpackPort {

  Optional<String> publish(RunpackTarget target, List<RunpackFile> artifacts, RunpackFile manifest);
}

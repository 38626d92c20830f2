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
 *
 * <p>A signed runpack's artifacts hold the manifest's detached signature ({@code <manifest>.sig}).
 * Write-once storage that finds other bytes already stored under that name asks {@code
 * storedSignature} whether they may stand in its place (an earlier attempt's signature of the same
 * manifest by the same key: KMS signs differently each time); if so, they are left as they are and
 * the export goes on, else it is the {@link ErrorCode#CONFLICT} any other bytes are. Storage that
 * never meets an earlier attempt's half (a directory is committed whole) need not ask.
 */
public interface PublishRunpackPort {

  Optional<String> publish(
      RunpackTarget target,
      List<RunpackFile> artifacts,
      RunpackFile manifest,
      StoredSignatureCheck storedSignature);

  /** What the domain accepts, besides the same bytes, where the manifest's signature goes. */
  @FunctionalInterface
  interface StoredSignatureCheck {

    /** An unsigned runpack's: nothing stands but the same bytes. */
    StoredSignatureCheck SAME_BYTES_ONLY = stored -> false;

    /**
     * True if {@code stored}, found where the manifest's signature goes, may stay there as its
     * signature. May fail with {@link ErrorCode#STORAGE_ERROR} when it cannot be told (a signing
     * service that does not answer): the export then fails, to be retried.
     */
    boolean accepts(byte[] stored);
  }
}

package io.runpack.adapters.s3;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes runpacks to S3 (FORMAT §4).
 *
 * <p>Guarantees: every object is sent with content type {@code application/json} and its SHA-256
 * checksum, the manifest's own digest, so S3 refuses bytes changed in transit; artifacts are
 * written concurrently and the manifest only after all of them succeeded, so a runpack whose
 * manifest is visible is complete. In write-once mode each PUT is conditional ({@code
 * If-None-Match: *}): an object that already holds the same bytes is accepted, other bytes are a
 * {@link ErrorCode#CONFLICT} and are left untouched; a conditional write that races another one of
 * the same key (S3's 409, or a 412 whose object is gone again) is tried again, a few times. A
 * signed write-once export first checks the manifest: other bytes there are a conflict before
 * anything is written, so a refused export never leaves its signature beside a manifest it does not
 * sign. Where the signature goes, other bytes that the domain's check accepts (an earlier attempt's
 * signature of the same manifest by the same key: KMS signs differently each time) stand, left as
 * they are, and the export goes on; the adapter decides nothing about signatures itself. Nothing is
 * ever deleted, so a failed or concurrent export never undoes one that succeeded.
 */
public final class S3RunpackStorage implements PublishRunpackPort, AutoCloseable {

  private static final int FORBIDDEN = 403;
  private static final int PRECONDITION_FAILED = 412;
  private static final int CONDITIONAL_REQUEST_CONFLICT = 409;
  private static final int CONDITIONAL_ATTEMPTS = 5;

  /** How long {@link #close} waits for a write still under way. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final S3Client s3;
  private final S3Settings settings;
  private final ExecutorService writers;

  public S3RunpackStorage(S3Client s3, S3Settings settings) {
    this.s3 = s3;
    this.settings = settings;
    this.writers =
        Executors.newFixedThreadPool(
            settings.concurrentWrites(),
            runnable -> {
              Thread thread = new Thread(runnable, "runpack-s3-writer");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public Optional<String> publish(
      RunpackTarget target,
      List<RunpackFile> artifacts,
      RunpackFile manifest,
      StoredSignatureCheck storedSignature) {
    String prefix = RunpackKeys.prefix(settings.rootPrefix(), target);
    List<String> keys = new ArrayList<>();
    artifacts.forEach(a -> keys.add(RunpackKeys.key(prefix, a.path())));
    String manifestKey = RunpackKeys.key(prefix, manifest.path());
    if (settings.writeOnce() && signs(artifacts, manifest)) {
      // Another manifest there is a conflict before the signature is written: it would sit beside
      // that manifest for good, which it does not sign. (Another signature already there stands
      // only if the domain's check accepts it, below; else it is a conflict at its PUT, and the
      // manifest is then not written either.)
      requireNoOtherManifest(manifestKey, manifest);
    }

    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < artifacts.size(); i++) {
      RunpackFile artifact = artifacts.get(i);
      String key = keys.get(i);
      StoredSignatureCheck otherBytes =
          isSignatureOf(artifact, manifest)
              ? storedSignature
              : StoredSignatureCheck.SAME_BYTES_ONLY;
      writes.add(writers.submit(() -> put(key, artifact, otherBytes)));
    }
    RunpackException failure = null;
    for (Future<?> write : writes) {
      RunpackException e = outcome(write);
      boolean moreTelling = failure == null || e != null && e.code() == ErrorCode.CONFLICT;
      if (e != null && moreTelling) {
        failure = e; // a conflict says more than a transient error
      }
    }
    if (failure != null) {
      throw failure; // the manifest is not written: the runpack never looks complete
    }
    put(manifestKey, manifest, StoredSignatureCheck.SAME_BYTES_ONLY);
    return Optional.of(RunpackKeys.storageUri(settings.bucket(), prefix));
  }

  /**
   * Write-once: a conflict when {@code key} holds another manifest. S3 answers a missing key with
   * 403, not 404, to a role that may not list the bucket (the function's may not): the manifest is
   * then taken to be absent, and its conditional PUT is still what decides.
   */
  private void requireNoOtherManifest(String key, RunpackFile manifest) {
    try {
      holdsSameBytes(key, manifest);
    } catch (RunpackException e) {
      boolean forbidden =
          e.getCause() instanceof SdkException cause && S3Failures.isStatus(cause, FORBIDDEN);
      if (!forbidden) {
        throw e;
      }
    }
  }

  /** True when {@code artifacts} hold the signature of {@code manifest}. */
  private static boolean signs(List<RunpackFile> artifacts, RunpackFile manifest) {
    return artifacts.stream().anyMatch(a -> isSignatureOf(a, manifest));
  }

  private static boolean isSignatureOf(RunpackFile artifact, RunpackFile manifest) {
    return artifact.path().value().equals(manifest.path().value() + ManifestSignature.SUFFIX);
  }

  /**
   * Writes {@code file} under {@code key}. Write-once: a key that already holds other bytes is a
   * conflict, unless {@code otherBytes} accepts them (then they stand, and nothing is written).
   */
  private void put(String key, RunpackFile file, StoredSignatureCheck otherBytes) {
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(key)
            .contentType("application/json")
            .contentLength((long) file.bytes().length)
            .checksumSHA256(base64Sha256(file.hash()));
    if (settings.writeOnce()) {
      request.ifNoneMatch("*");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        s3.putObject(request.build(), RequestBody.fromBytes(file.bytes()));
        return;
      } catch (SdkException e) {
        boolean conditional =
            settings.writeOnce()
                && (S3Failures.isStatus(e, PRECONDITION_FAILED)
                    || S3Failures.isStatus(e, CONDITIONAL_REQUEST_CONFLICT));
        if (!conditional) {
          throw S3Failures.storageError("PutObject", settings.bucket(), key, e);
        }
        // 412: an object is there, fine if it holds these bytes. 409: another conditional write
        // of the key is under way, its outcome unknown; and a 412's object may be gone again.
        if (S3Failures.isStatus(e, PRECONDITION_FAILED)
            && holdsSameOrAcceptedBytes(key, file, otherBytes)) {
          return;
        }
        if (attempt == CONDITIONAL_ATTEMPTS) {
          throw S3Failures.storageError("PutObject", settings.bucket(), key, e);
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Write-once: true if the object holds exactly these bytes, or other bytes (of at most {@link
   * Limits#MAX_SIGNATURE_BYTES}) that {@code otherBytes} accepts; false if it is gone; any other
   * bytes are a {@link ErrorCode#CONFLICT}.
   */
  private boolean holdsSameOrAcceptedBytes(
      String key, RunpackFile file, StoredSignatureCheck otherBytes) {
    try {
      return holdsSameBytes(key, file);
    } catch (RunpackException e) {
      if (e.code() != ErrorCode.CONFLICT || otherBytes == StoredSignatureCheck.SAME_BYTES_ONLY) {
        throw e;
      }
      byte[] stored;
      try {
        stored =
            new S3RunpackReader(s3, settings.bucket(), "").readKey(key, Limits.MAX_SIGNATURE_BYTES);
      } catch (RunpackException read) {
        if (read.code() == ErrorCode.FILE_NOT_FOUND) {
          return false; // gone again: the PUT is tried again
        }
        if (read.code() == ErrorCode.LIMIT_EXCEEDED) {
          throw e; // larger than any signature
        }
        throw read;
      }
      if (!otherBytes.accepts(stored)) {
        throw e;
      }
      return true;
    }
  }

  /**
   * Write-once: true if the object holds exactly these bytes, false if it is gone; other bytes are
   * a {@link ErrorCode#CONFLICT}.
   */
  private boolean holdsSameBytes(String key, RunpackFile file) {
    HashDigest stored;
    try {
      stored =
          new S3RunpackReader(s3, settings.bucket(), "")
              .sha256OfKey(key, Limits.MAX_ARTIFACT_BYTES);
    } catch (RunpackException e) {
      if (e.code() == ErrorCode.FILE_NOT_FOUND) {
        return false;
      }
      if (e.code() != ErrorCode.LIMIT_EXCEEDED) {
        throw e;
      }
      stored = null; // larger than any runpack file: certainly other bytes
    }
    if (!file.hash().equals(stored)) {
      throw new RunpackException(
          ErrorCode.CONFLICT,
          "s3://"
              + settings.bucket()
              + "/"
              + key
              + " already holds different bytes (write-once storage)");
    }
    return true;
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(25L << attempt); // 50, 100, 200, 400 ms
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunpackException(ErrorCode.STORAGE_ERROR, "interrupted while writing to S3", e);
    }
  }

  private static RunpackException outcome(Future<?> write) {
    try {
      write.get();
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RunpackException failure) {
        return failure;
      }
      return new RunpackException(
          ErrorCode.STORAGE_ERROR, "S3 write failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RunpackException(ErrorCode.STORAGE_ERROR, "interrupted while writing to S3", e);
    }
  }

  static String base64Sha256(HashDigest digest) {
    return java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(digest.value()));
  }

  /**
   * Stops the writers: returns once their threads have ended (at most {@link #CLOSE_WAIT} for a
   * write still under way), so that a closed storage leaves no thread behind.
   */
  @Override
  public void close() {
    writers.shutdown();
    try {
      writers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

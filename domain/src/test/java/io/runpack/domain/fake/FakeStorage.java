package io.runpack.domain.fake;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link PublishRunpackPort} port in memory, keeping the port's contract: it writes every
 * artifact it is handed, in order, then the manifest; a configured failure fails the call before
 * anything is written. Records every call and every write, so tests can see what storage saw (the
 * stored-signature check included, for tests to ask as write-once storage would).
 */
public final class FakeStorage implements PublishRunpackPort {

  /** One call of {@link #publish}, as storage received it. */
  public record Publication(
      RunpackTarget target,
      List<RunpackFile> artifacts,
      RunpackFile manifest,
      StoredSignatureCheck storedSignature) {}

  private final Optional<String> storageUri;
  private final List<Publication> publications = new ArrayList<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private RunpackException failure;

  private FakeStorage(Optional<String> storageUri) {
    this.storageUri = storageUri;
  }

  /** Storage like a local directory: no storage URI. */
  public static FakeStorage local() {
    return new FakeStorage(Optional.empty());
  }

  /** Managed storage that answers with {@code uri}. */
  public static FakeStorage managed(String uri) {
    return new FakeStorage(Optional.of(uri));
  }

  /** Every later call fails with {@code error}, writing nothing. */
  public FakeStorage failingWith(RunpackException error) {
    this.failure = error;
    return this;
  }

  @Override
  public Optional<String> publish(
      RunpackTarget target,
      List<RunpackFile> artifacts,
      RunpackFile manifest,
      StoredSignatureCheck storedSignature) {
    publications.add(new Publication(target, List.copyOf(artifacts), manifest, storedSignature));
    if (failure != null) {
      throw failure;
    }
    artifacts.forEach(file -> files.put(file.path().value(), file.bytes().clone()));
    files.put(manifest.path().value(), manifest.bytes().clone());
    return storageUri;
  }

  public List<Publication> publications() {
    return List.copyOf(publications);
  }

  /** The only call; fails the test if there was not exactly one. */
  public Publication onlyPublication() {
    if (publications.size() != 1) {
      throw new AssertionError("expected one publish call, got " + publications.size());
    }
    return publications.get(0);
  }

  /** What was written, by path, in write order. */
  public Map<String, byte[]> files() {
    return files;
  }
}

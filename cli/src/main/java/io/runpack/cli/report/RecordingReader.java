package io.runpack.cli.report;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.RunpackReader;
import io.runpack.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RunpackReader} that remembers what one verification read: the manifest's bytes, and for
 * every file its size and SHA-256 or why it could not be read. The bytes of each log the manifest
 * lists are summarised for the timeline as they pass ({@link LogSummary}), so the page shows
 * exactly the bytes that were verified, and no log is held after it has been checked.
 *
 * <p>Bounded as the verification is: files are read whole (to know their size) up to the bytes of a
 * whole run ({@link Limits#MAX_RUN_BYTES}); beyond that, however many paths a manifest lists, they
 * are hashed as {@code verify} hashes them and their size is not shown. Only the first log the
 * manifest lists of each kind is summarised, so at most six. The reader's contract and limits are
 * the delegate's.
 */
final class RecordingReader implements RunpackReader {

  /** What reading one path gave. */
  record Outcome(long bytes, HashDigest hash, String failure) {}

  private final RunpackReader delegate;
  private final String manifestName;
  private final JsonDecoder decoder;
  private byte[] manifestBytes;
  private Map<String, LogKind> logPaths;
  private final Map<String, Outcome> outcomes = new HashMap<>();
  private final Map<String, LogSummary> logs = new LinkedHashMap<>();
  private long wholeBytes;

  RecordingReader(RunpackReader delegate, String manifestName, JsonDecoder decoder) {
    this.delegate = delegate;
    this.manifestName = manifestName;
    this.decoder = decoder;
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    if (path.equals(manifestName) && manifestBytes != null) {
      return manifestBytes.clone();
    }
    byte[] bytes;
    try {
      bytes = delegate.read(path, maxBytes);
    } catch (RunpackException e) {
      outcomes.putIfAbsent(path, new Outcome(-1, null, e.getMessage()));
      throw e;
    }
    if (path.equals(manifestName) && manifestBytes == null) {
      manifestBytes = bytes.clone();
      return bytes;
    }
    wholeBytes += bytes.length;
    outcomes.putIfAbsent(path, new Outcome(bytes.length, Sha256.of(bytes), null));
    LogKind log = logPaths().get(path);
    if (log != null && !logs.containsKey(path)) {
      logs.put(path, LogSummary.of(log, path, bytes));
    }
    return bytes;
  }

  @Override
  public HashDigest sha256(String path, int maxBytes) {
    Outcome known = outcomes.get(path);
    if (known != null && known.hash() != null) {
      return known.hash();
    }
    if (wholeBytes < Limits.MAX_RUN_BYTES || logPaths().containsKey(path)) {
      return Sha256.of(read(path, maxBytes));
    }
    HashDigest hash;
    try {
      hash = delegate.sha256(path, maxBytes);
    } catch (RunpackException e) {
      outcomes.putIfAbsent(path, new Outcome(-1, null, e.getMessage()));
      throw e;
    }
    outcomes.putIfAbsent(path, new Outcome(-1, hash, null));
    return hash;
  }

  /** The manifest's bytes as verified, if it was read. */
  Optional<byte[]> manifestBytes() {
    return Optional.ofNullable(manifestBytes).map(byte[]::clone);
  }

  /** What reading {@code path} gave, if it was read. */
  Optional<Outcome> outcome(String path) {
    return Optional.ofNullable(outcomes.get(path));
  }

  /** The logs read, by path, in the order they were read. */
  Map<String, LogSummary> logs() {
    return logs;
  }

  /** The first path the manifest lists for each kind of log. */
  private Map<String, LogKind> logPaths() {
    if (logPaths == null) {
      logPaths = new HashMap<>();
      manifest(manifestBytes, decoder)
          .ifPresent(
              m -> {
                for (ArtifactRecord artifact : m.artifacts()) {
                  LogKind.of(artifact.kind())
                      .filter(kind -> !logPaths.containsValue(kind))
                      .ifPresent(kind -> logPaths.putIfAbsent(artifact.path(), kind));
                }
              });
    }
    return logPaths;
  }

  /** The v1 manifest {@code bytes} decode to, or empty when they do not. */
  static Optional<Manifest> manifest(byte[] bytes, JsonDecoder decoder) {
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      JsonValue json = decoder.decode(bytes);
      if (!Manifest.VERSION_V1.equals(Manifest.versionOf(json))) {
        return Optional.empty();
      }
      return Optional.of(Manifest.fromJson(json));
    } catch (RunpackException e) {
      return Optional.empty();
    }
  }
}

package io.runpack.domain.service;

import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.model.Timestamp;
import io.runpack.domain.port.out.RunpackReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small runpacks held in memory, and readers that count what the verifier reads. */
final class Runpacks {

  final Map<String, byte[]> files = new HashMap<>();
  final List<String> listed = new ArrayList<>();
  Optional<AnchorPolicy> policy = Optional.empty();

  /** A runpack with an empty decision log, listed. */
  static Runpacks withEmptyDecisionLog() {
    return new Runpacks().file(RunLog.DECISIONS.path(), "[]").list(RunLog.DECISIONS.path());
  }

  Runpacks file(String path, String json) {
    files.put(path, json.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Runpacks list(String path) {
    listed.add(path);
    return this;
  }

  Manifest manifest() {
    List<FileHash> hashes = new ArrayList<>();
    for (String path : listed) {
      byte[] bytes = files.get(path);
      hashes.add(
          new FileHash(path, bytes == null ? HashDigest.sha256("0".repeat(64)) : Sha256.of(bytes)));
    }
    return new Manifest(
        Manifest.VERSION_V1,
        new Timestamp(Timestamp.Kind.LOGICAL, 1),
        1,
        1,
        "scenario",
        "run",
        HashDigest.sha256("0".repeat(64)),
        Manifest.OFFLINE_STRICT,
        policy,
        Optional.empty(),
        integrity(hashes),
        List.of());
  }

  /** The integrity block; a zero root hash where the entries have no canonical form. */
  private static Integrity integrity(List<FileHash> hashes) {
    try {
      return Integrity.over(hashes);
    } catch (io.runpack.domain.error.RunpackException e) {
      return new Integrity(hashes, HashDigest.sha256("0".repeat(64)));
    }
  }

  /** A reader of these files that counts the reads of each path. */
  CountingReader reader() {
    return new CountingReader(InMemoryRunpack.over(files));
  }

  static final class CountingReader implements RunpackReader {
    final Map<String, Integer> reads = new HashMap<>();
    private final RunpackReader inner;

    CountingReader(RunpackReader inner) {
      this.inner = inner;
    }

    @Override
    public byte[] read(String path, int maxBytes) {
      reads.merge(path, 1, Integer::sum);
      return inner.read(path, maxBytes);
    }
  }
}

package io.runpack.cli;

import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.model.Timestamp;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes runpacks built to make a verifier work hard: files, a file-hash list that may name them
 * any number of times (its root hash recomputed, so only the work is hostile), an anchor policy.
 */
final class HostileRunpack {

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final List<FileHash> listed = new ArrayList<>();
  private Optional<AnchorPolicy> policy = Optional.empty();

  HostileRunpack file(String path, byte[] bytes) {
    files.put(path, bytes);
    return this;
  }

  /** Lists {@code path} {@code times} times, with the digest of its bytes. */
  HostileRunpack list(String path, int times) {
    HashDigest hash = Sha256.of(files.get(path));
    for (int i = 0; i < times; i++) {
      listed.add(new FileHash(path, hash));
    }
    return this;
  }

  /** Lists {@code path}, which need not be a file of the runpack, with a digest of zeros. */
  HostileRunpack listAnyway(String path) {
    listed.add(new FileHash(path, HashDigest.sha256("0".repeat(64))));
    return this;
  }

  HostileRunpack policy(AnchorPolicy anchors) {
    policy = Optional.of(anchors);
    return this;
  }

  /** Writes the runpack into {@code dir}; an empty decision log unless one was given. */
  Path writeTo(Path dir) throws IOException {
    files.putIfAbsent(
        RunLog.DECISIONS.path(), "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Fixtures.write(dir.resolve(file.getKey()), file.getValue());
    }
    Manifest manifest =
        new Manifest(
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
            Integrity.over(listed),
            List.of());
    Files.write(dir.resolve("manifest.json"), CanonicalJson.toBytes(manifest.toJson()));
    return dir;
  }
}

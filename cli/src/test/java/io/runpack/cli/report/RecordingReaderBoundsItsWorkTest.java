package io.runpack.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.ArtifactKind;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.model.Timestamp;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.out.RunpackReader;
import io.runpack.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RunpackReport}'s reads stay bounded whatever a manifest lists: one log summarised per
 * kind, and files read whole only up to the bytes of a whole run (hashed as verify hashes them
 * beyond, their size not shown).
 */
class RecordingReaderBoundsItsWorkTest {

  private static final byte[] LOG = "[{\"seq\":1}]".getBytes(StandardCharsets.UTF_8);

  @Test
  void onlyTheFirstLogOfEachKindIsSummarised() {
    Map<String, byte[]> files = new HashMap<>();
    List<ArtifactRecord> artifacts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String path = "artifacts/triggers-" + i + ".json";
      files.put(path, LOG);
      artifacts.add(ArtifactRecord.exported(ArtifactKind.TRIGGER_LOG, path, Sha256.of(LOG)));
    }
    RunpackReport report = report(files, artifacts);

    assertEquals("pass", report.verification().status());
    assertEquals(1, report.logs().size());
    assertEquals("artifacts/triggers-0.json", report.logs().get(0).path());
    assertEquals(51, report.files().size());
  }

  @Test
  void filesBeyondAWholeRunAreHashedWithoutBeingReadWhole() {
    byte[] big = new byte[8 * 1024 * 1024];
    Map<String, byte[]> files = new HashMap<>();
    int count = 20; // 160 MiB listed: more than a whole run (112 MiB)
    for (int i = 0; i < count; i++) {
      files.put("blob-" + i, big);
    }
    RunpackReport report = report(files, List.of());

    long sized = report.files().stream().filter(f -> f.bytes() >= 0).count();
    assertEquals(count + 1, report.files().size());
    assertEquals(15, sized); // the decision log and 14 blobs reach 112 MiB; the rest are hashed
    assertEquals(
        count + 1,
        report.files().stream().filter(f -> f.check() == RunpackReport.Check.OK).count());
  }

  private static RunpackReport report(Map<String, byte[]> files, List<ArtifactRecord> artifacts) {
    files.put("artifacts/decisions.json", "[]".getBytes(StandardCharsets.UTF_8));
    List<FileHash> listed = new ArrayList<>();
    listed.add(
        new FileHash("artifacts/decisions.json", Sha256.of(files.get("artifacts/decisions.json"))));
    files.keySet().stream()
        .filter(p -> !p.equals("artifacts/decisions.json"))
        .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(p -> p))
        .forEach(p -> listed.add(new FileHash(p, Sha256.of(files.get(p)))));
    Manifest manifest =
        new Manifest(
            Manifest.VERSION_V1,
            Timestamp.logical(1),
            1,
            1,
            "s",
            "r",
            HashDigest.sha256("0".repeat(64)),
            Manifest.OFFLINE_STRICT,
            Optional.empty(),
            Optional.empty(),
            Integrity.over(listed),
            artifacts);
    files.put("manifest.json", CanonicalJson.toBytes(manifest.toJson()));
    RunpackReader reader =
        new RunpackReader() {
          @Override
          public byte[] read(String path, int maxBytes) {
            if (!files.containsKey(path)) { // the unsigned runpack's manifest.json.sig
              throw new RunpackException(ErrorCode.FILE_NOT_FOUND, path + ": no such file");
            }
            return files.get(path).clone();
          }

          @Override
          public HashDigest sha256(String path, int maxBytes) {
            return Sha256.of(files.get(path));
          }
        };
    return RunpackReport.of(
        "mem",
        new VerifyRunpackCommand(reader, RunpackPath.of("manifest.json")),
        new JacksonJsonCodec(),
        Optional.empty());
  }
}

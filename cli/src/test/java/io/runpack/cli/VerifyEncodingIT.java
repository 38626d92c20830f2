package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 7, through the {@code runpack} jar: a runpack path that the locale cannot name
 * (a non-ASCII path under {@code LC_ALL=C}) is a read error in a report, never an internal error;
 * under a UTF-8 locale the same runpack passes.
 */
class VerifyEncodingIT {

  private static final String RENAMED = "artifacts/pack\u00e9ts.json";

  @TempDir Path temp;

  @Test
  void aPathTheLocaleCannotNameIsAReadErrorInTheReport() throws IOException {
    Path runpack = Fixtures.copyTree(Fixtures.golden("golden_time_after_pass"), temp.resolve("rp"));
    Files.move(runpack.resolve("artifacts/packets.json"), runpack.resolve(RENAMED));
    renameInManifest(runpack, "artifacts/packets.json", RENAMED);

    CliProcess.Result ascii =
        CliProcess.run(temp, List.of(), Map.of("LC_ALL", "C"), new byte[0], "verify", "rp");
    CliProcess.Result utf8 =
        CliProcess.run(temp, List.of(), Map.of("LC_ALL", "C.UTF-8"), new byte[0], "verify", "rp");

    assertEquals(1, ascii.exitCode(), ascii.stderr());
    assertEquals("", ascii.stderr());
    assertTrue(
        ascii
            .out()
            .startsWith(
                "{\"checked_files\":7,\"errors\":[\"artifact read failed for "
                    + RENAMED
                    + ": the name pack\u00e9ts.json cannot be represented in this system's file name"
                    + " encoding (ANSI_X3.4-1968); use a UTF-8 locale such as LC_ALL=C.UTF-8\"]"),
        ascii.out());
    assertEquals(0, utf8.exitCode(), utf8.stderr());
  }

  /** What a forger does: a file renamed, its entries renamed, the root hash recomputed. */
  private static void renameInManifest(Path runpack, String from, String to) throws IOException {
    Path file = runpack.resolve("manifest.json");
    Manifest manifest = Manifest.fromJson(LocalRunpack.json(Files.readAllBytes(file)));
    List<FileHash> hashes = new ArrayList<>();
    for (FileHash entry : manifest.integrity().fileHashes()) {
      hashes.add(entry.path().equals(from) ? new FileHash(to, entry.hash()) : entry);
    }
    List<ArtifactRecord> artifacts = new ArrayList<>();
    for (ArtifactRecord a : manifest.artifacts()) {
      artifacts.add(
          a.path().equals(from)
              ? new ArtifactRecord(to, a.kind(), to, a.contentType(), a.hash(), a.required())
              : a);
    }
    Files.write(
        file,
        CanonicalJson.toBytes(manifest.withContents(artifacts, Integrity.over(hashes)).toJson()));
  }
}

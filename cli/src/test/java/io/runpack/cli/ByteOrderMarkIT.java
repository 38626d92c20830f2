package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 7, through the {@code runpack} jar: JSON text that begins with a UTF-8 byte
 * order mark is refused (RFC 8259 §8.1; Decision Gate's reader refuses it), before a manifest and
 * before a run bundle alike, so that Runpack never accepts what Decision Gate rejects.
 */
class ByteOrderMarkIT {

  private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final String LABEL = "golden_time_after_pass";

  @TempDir Path temp;

  @Test
  void aManifestThatStartsWithAByteOrderMarkIsRefused() throws IOException {
    Path runpack = Fixtures.copyTree(Fixtures.golden(LABEL), temp.resolve("rp"));
    prepend(runpack.resolve("manifest.json"));

    CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());

    result.assertFailure(
        3,
        "invalid_manifest",
        "cannot read manifest manifest.json: byte order mark (U+FEFF) before the JSON text at byte"
            + " 0");
  }

  @Test
  void aRunBundleThatStartsWithAByteOrderMarkIsRefused() throws IOException {
    Path store = temp.resolve("runs");
    new LocalRunpack(store, null).putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
    prepend(store.resolve("1/1/run-1.json"));

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--request",
            Fixtures.request(LABEL).toString(),
            "--runs",
            store.toString(),
            "--output-dir",
            "out");

    result.assertFailure(
        3,
        "invalid_run_data",
        "run bundle 1/1/run-1.json: byte order mark (U+FEFF) before the JSON text at byte 0");
    assertEquals(false, Files.exists(temp.resolve("out")));
  }

  private static void prepend(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] joined = java.util.Arrays.copyOf(BOM, BOM.length + bytes.length);
    System.arraycopy(bytes, 0, joined, BOM.length, bytes.length);
    Files.write(file, joined);
  }
}

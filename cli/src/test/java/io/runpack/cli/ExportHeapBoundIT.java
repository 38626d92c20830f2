package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.model.Limits;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 5 (export), through the {@code runpack} jar in a fresh JVM whose heap is
 * limited to 3 × the runpack's artifact bytes + 64 MiB (a little under the bound of 3 × the runpack
 * + 64 MiB): a run whose six logs each hold 8,388,607 records {@code 0} (every log artifact 16 MiB
 * less one byte, about 100 MB in all, 50 million records) is read from the filesystem run store and
 * exported. As a tree it needed about 5 GB.
 */
class ExportHeapBoundIT {

  private static final long MIB = 1024 * 1024;
  private static final int RECORDS = (Limits.MAX_ARTIFACT_BYTES - 1) / 2; // "[0,…,0]": 2n+1 bytes
  private static final String SPEC = "{\"scenario_id\":\"tiny\"}";

  @TempDir Path temp;

  @Test
  void sixLogsOfEightMillionTinyRecordsExportWithinThreeTimesTheirBytesPlus64MiB()
      throws IOException {
    writeBundle(temp.resolve("runs/1/1/run-1.json"));
    Path request = temp.resolve("request.json");
    Files.writeString(
        request,
        "{\"generated_at\":{\"kind\":\"logical\",\"value\":1},\"include_verification\":false,"
            + "\"manifest_name\":\"manifest.json\",\"namespace_id\":1,\"output_dir\":null,"
            + "\"run_id\":\"run-1\",\"scenario_id\":\"tiny\",\"tenant_id\":1}");
    long logBytes = 2L * RECORDS + 1;
    long artifactBytes = RunLog.values().length * logBytes + SPEC.length();
    long heap = 3 * artifactBytes + 64 * MIB;

    CliProcess.Result result =
        CliProcess.run(
            temp,
            List.of("-Xmx" + heap / 1024 + "k"),
            Map.of(),
            new byte[0],
            "export",
            "--request",
            request.toString(),
            "--runs",
            temp.resolve("runs").toString(),
            "--output-dir",
            "out");

    assertEquals(0, result.exitCode(), result.stderr());
    for (RunLog log : RunLog.values()) {
      assertEquals(logBytes, Files.size(temp.resolve("out").resolve(log.path())), log.path());
    }
    assertEquals(
        SPEC, Files.readString(temp.resolve("out").resolve(RunLog.SCENARIO_SPEC_PATH)), "spec");
  }

  /** The run bundle, streamed to disk: this JVM never holds it either. */
  private static void writeBundle(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    String hash = Sha256.of(SPEC.getBytes(StandardCharsets.UTF_8)).value();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, "{\"spec\":" + SPEC + ",\"state\":{\"namespace_id\":1,\"run_id\":\"run-1\",");
      write(out, "\"scenario_id\":\"tiny\",\"spec_hash\":{\"algorithm\":\"sha256\",\"value\":\"");
      write(out, hash + "\"},\"status\":\"completed\",\"tenant_id\":1");
      byte[] zeros = ",0".repeat(4096).getBytes(StandardCharsets.US_ASCII);
      for (RunLog log : RunLog.values()) {
        write(out, ",\"" + log.stateField() + "\":[0");
        int left = RECORDS - 1;
        for (; left >= 4096; left -= 4096) {
          out.write(zeros);
        }
        out.write(zeros, 0, 2 * left);
        write(out, "]");
      }
      write(out, "}}");
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
  }
}

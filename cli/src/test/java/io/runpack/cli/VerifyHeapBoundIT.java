package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 5 (verification), through the {@code runpack} jar in a fresh JVM whose heap is
 * limited to the bound, 3 × the runpack's bytes + 64 MiB: the decision log, the scenario spec and
 * the gate evaluations, each just under 16 MiB of {@code [0,0,…]} (millions of values), with an
 * anchor policy, are judged as streams. As trees they needed about 1.4 GB.
 */
class VerifyHeapBoundIT {

  private static final long MIB = 1024 * 1024;

  @TempDir Path temp;

  @Test
  void threeSixteenMibLogsOfZerosVerifyWithinThreeTimesTheirBytesPlus64MiB() throws IOException {
    byte[] zeros = zeros(Limits.MAX_ARTIFACT_BYTES - 1);
    Path runpack =
        new HostileRunpack()
            .file(RunLog.SCENARIO_SPEC_PATH, zeros)
            .file(RunLog.GATE_EVALS.path(), zeros)
            .file(RunLog.DECISIONS.path(), zeros)
            .list(RunLog.SCENARIO_SPEC_PATH, 1)
            .list(RunLog.GATE_EVALS.path(), 1)
            .list(RunLog.DECISIONS.path(), 1)
            .policy(
                new AnchorPolicy(
                    List.of(new AnchorPolicy.Requirement("time", "t", List.of("logical")))))
            .writeTo(temp.resolve("rp"));
    long bytes = 3L * zeros.length + java.nio.file.Files.size(runpack.resolve("manifest.json"));
    long bound = 3 * bytes + 64 * MIB;

    CliProcess.Result result =
        CliProcess.run(
            temp,
            List.of("-Xmx" + bound / 1024 + "k"),
            Map.of(),
            new byte[0],
            "verify",
            runpack.toString());

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "{\"checked_files\":3,\"errors\":[\"invalid decision log: decision record 0 has no string"
            + " trigger_id\",\"invalid anchor inputs: scenario spec must be an object, not"
            + " array\"],\"status\":\"fail\"}\n",
        result.out());
  }

  /** {@code [0,0,…,0]} of exactly {@code size} bytes (odd). */
  static byte[] zeros(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) ',');
    for (int i = 1; i < size - 1; i += 2) {
      bytes[i] = '0';
    }
    bytes[0] = '[';
    bytes[size - 1] = ']';
    return bytes;
  }
}

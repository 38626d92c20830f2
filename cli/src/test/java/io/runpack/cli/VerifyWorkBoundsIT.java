package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 4, through the {@code runpack} jar: inputs within the limits that made the
 * verifier work without bound (each took a minute or more before) now verify as any runpack does.
 * How long each takes against an honest 16 MiB file is measured by {@code VerifyProbe}
 * (benchmarks/); here the verdicts, within the process's usual time guard.
 */
class VerifyWorkBoundsIT {

  private static final int MIB = 1024 * 1024;

  @TempDir Path temp;

  @Test
  void oneSixteenMibFileListedTwoThousandTimesIsReadOnce() throws IOException {
    byte[] big = new byte[16 * MIB];
    Arrays.fill(big, (byte) ' ');
    big[0] = '1';
    Path runpack =
        new HostileRunpack()
            .file("artifacts/big.json", big)
            .list("artifacts/big.json", 2000)
            .writeTo(temp.resolve("rp"));

    CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("{\"checked_files\":2000,\"errors\":[],\"status\":\"pass\"}\n", result.out());
  }

  @Test
  void aPathOfTwoThousandLevelsListedAHundredAndFiftyTimesIsWalkedOnce()
      throws IOException, InterruptedException {
    String deep = "d/".repeat(2000) + "f.json";
    Path runpack =
        new HostileRunpack()
            .file(deep, "[]".getBytes(StandardCharsets.UTF_8))
            .list(deep, 150)
            .writeTo(temp.resolve("rp"));
    try {
      CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());

      assertEquals(0, result.exitCode(), result.stderr());
      assertEquals("{\"checked_files\":150,\"errors\":[],\"status\":\"pass\"}\n", result.out());
    } finally {
      new ProcessBuilder("rm", "-rf", runpack.resolve("d").toString())
          .inheritIO()
          .start()
          .waitFor(); // linear; JUnit's clean-up would resolve each level's real path
    }
  }

  @Test
  void fiftyThousandProvidersOverFiftyThousandEvidenceItemsAreLookedUp()
      throws IOException, InterruptedException {
    int n = 50_000;
    List<AnchorPolicy.Requirement> providers = new java.util.ArrayList<>();
    StringBuilder conditions = new StringBuilder();
    StringBuilder evidence = new StringBuilder();
    for (int i = 0; i < n; i++) {
      providers.add(new AnchorPolicy.Requirement("p" + i, "t", List.of("f")));
      conditions
          .append(i == 0 ? "" : ",")
          .append("{\"condition_id\":\"c")
          .append(i)
          .append("\",\"query\":{\"provider_id\":\"p")
          .append(n - 1 - i)
          .append("\"}}");
      evidence
          .append(i == 0 ? "" : ",")
          .append("{\"condition_id\":\"c")
          .append(i)
          .append(
              "\",\"result\":{\"error\":null,\"evidence_anchor\":{\"anchor_type\":\"t\","
                  + "\"anchor_value\":\"{\\\"f\\\":1}\"}}}");
    }
    Path runpack =
        new HostileRunpack()
            .file(RunLog.SCENARIO_SPEC_PATH, bytes("{\"conditions\":[" + conditions + "]}"))
            .file(
                RunLog.GATE_EVALS.path(),
                bytes(
                    "[{\"evidence\":[" + evidence + "],\"stage_id\":\"s\",\"trigger_id\":\"t\"}]"))
            .list(RunLog.GATE_EVALS.path(), 1)
            .policy(new AnchorPolicy(providers))
            .writeTo(temp.resolve("rp"));
    assertEquals(true, Files.size(runpack.resolve("manifest.json")) > 2 * MIB);

    CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("{\"checked_files\":1,\"errors\":[],\"status\":\"pass\"}\n", result.out());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

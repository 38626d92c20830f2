package io.runpack.benchmarks;

import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunLog;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code runpack report} of the largest run the artifact limit allows ({@link
 * BenchmarkRuns#LARGEST}: six logs of nearly 16 MiB), through the real jar as a process: writes the
 * run bundle, exports it, then times {@code verify} (the baseline: the same reads and checks) and
 * {@code report} alternately, and prints one JSON line: the runpack's and the page's bytes, the
 * medians and their ratio. Arguments: the runpack jar, a work directory, the number of rounds.
 */
public final class ReportProbe {

  private ReportProbe() {}

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    Path work = Path.of(args[1]).toAbsolutePath();
    int rounds = Integer.parseInt(args[2]);
    LoadedRun run = BenchmarkRuns.largest();
    String runId = BenchmarkRuns.runId(BenchmarkRuns.LARGEST);
    JsonObject bundle =
        JsonObject.builder().put("spec", run.spec()).put("state", run.state().toJson()).build();
    Path bundleFile = work.resolve("runs/1/1/" + runId + ".json");
    Files.createDirectories(bundleFile.getParent());
    Files.write(bundleFile, CanonicalJson.toBytes(bundle));
    Files.writeString(
        work.resolve("request.json"),
        "{\"generated_at\":{\"kind\":\"logical\",\"value\":1},\"include_verification\":true,"
            + "\"manifest_name\":\"manifest.json\",\"namespace_id\":1,\"output_dir\":\"out\","
            + "\"run_id\":\""
            + runId
            + "\",\"scenario_id\":\""
            + BenchmarkRuns.SCENARIO
            + "\",\"tenant_id\":1}",
        StandardCharsets.UTF_8);
    Path runpack = work.resolve("runpack");
    run(
        jar,
        work,
        "export",
        "--request",
        "request.json",
        "--runs",
        "runs",
        "--output-dir",
        runpack.toString(),
        "--replace");
    long[] verify = new long[rounds];
    long[] report = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      verify[i] = run(jar, work, "verify", runpack.toString());
      report[i] = run(jar, work, "report", runpack.toString(), "--html", "report.html");
    }
    Arrays.sort(verify);
    Arrays.sort(report);
    long verifyMs = verify[rounds / 2];
    long reportMs = report[rounds / 2];
    System.out.printf(
        Locale.ROOT,
        "{\"runpack_bytes\":%d,\"records\":%d,\"html_bytes\":%d,\"rounds\":%d,"
            + "\"verify_median_ms\":%d,\"report_median_ms\":%d,\"report_over_verify\":%.2f}%n",
        treeBytes(runpack),
        records(run),
        Files.size(work.resolve("report.html")),
        rounds,
        verifyMs,
        reportMs,
        (double) reportMs / verifyMs);
  }

  private static long records(LoadedRun run) {
    long count = 0;
    for (RunLog log : RunLog.values()) {
      count += run.state().records(log).size();
    }
    return count;
  }

  private static long treeBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Runs the jar; returns the wall time in milliseconds. Exit 0 (pass) is required. */
  private static long run(String jar, Path work, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar));
    command.addAll(List.of(args));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    int exit = process.waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (exit != 0) {
      throw new IllegalStateException(args[0] + " exited " + exit);
    }
    return millis;
  }
}

package io.runpack.benchmarks;

import io.runpack.domain.model.Limits;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.RunState;
import io.runpack.domain.model.Sha256;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonCanonical;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Whole runs for the end-to-end benchmarks: a scenario spec and a run state whose six logs hold
 * {@link DecisionGateLogs} records in the proportions of a busy approval scenario, or, for {@link
 * #LARGEST}, as many records as fit each log under the 16 MiB artifact limit.
 */
public final class BenchmarkRuns {

  /** The scenario of every benchmark run. */
  public static final String SCENARIO = "bench";

  /** The {@code run} parameter naming the largest run the artifact limit allows. */
  public static final String LARGEST = "largest";

  /** Share of each log, per thousand records (triggers … tool calls). */
  private static final int[] PER_MILLE = {300, 300, 150, 100, 50, 100};

  /** Room left under the limit in each log of the largest run. */
  private static final int HEADROOM = 64 * 1024;

  private static final long SEED = 2026_11_26L;

  private BenchmarkRuns() {}

  /** The run named by a benchmark parameter: a record count, or {@link #LARGEST}. */
  public static LoadedRun named(String run) {
    return run.equals(LARGEST) ? largest() : ofRecords(Integer.parseInt(run));
  }

  public static String runId(String run) {
    return "run-bench-" + run;
  }

  public static LoadedRun ofRecords(int records) {
    Random random = new Random(SEED);
    List<List<JsonValue>> logs = new ArrayList<>();
    int assigned = 0;
    for (RunLog log : RunLog.values()) {
      int count =
          log.ordinal() == RunLog.values().length - 1
              ? records - assigned
              : records * PER_MILLE[log.ordinal()] / 1000;
      assigned += count;
      List<JsonValue> list = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        list.add(record(log, i, random));
      }
      logs.add(list);
    }
    return run(runId(Integer.toString(records)), logs);
  }

  public static LoadedRun largest() {
    Random random = new Random(SEED);
    List<List<JsonValue>> logs = new ArrayList<>();
    for (RunLog log : RunLog.values()) {
      List<JsonValue> list = new ArrayList<>();
      long bytes = 2;
      for (int i = 0; ; i++) {
        JsonCanonical record = record(log, i, random);
        int size = record.length() + 1;
        if (bytes + size > Limits.MAX_ARTIFACT_BYTES - HEADROOM) {
          break;
        }
        list.add(record);
        bytes += size;
      }
      logs.add(list);
    }
    return run(runId(LARGEST), logs);
  }

  private static JsonCanonical record(RunLog log, int index, Random random) {
    byte[] json = DecisionGateLogs.record(log, index, random).getBytes(StandardCharsets.UTF_8);
    return CanonicalJson.canonicalValue(json, Limits.MAX_ARTIFACT_BYTES);
  }

  private static LoadedRun run(String runId, List<List<JsonValue>> logs) {
    JsonObject spec =
        JsonObject.builder()
            .put("scenario_id", new JsonString(SCENARIO))
            .put("spec_version", new JsonString("v1"))
            .put(
                "stages",
                JsonArray.of(
                    new JsonString("intake"),
                    new JsonString("review"),
                    new JsonString("approval"),
                    new JsonString("fulfilment"),
                    new JsonString("audit")))
            .build();
    String specHash = Sha256.of(CanonicalJson.toBytes(spec)).value();
    JsonObject.Builder state =
        JsonObject.builder()
            .put("tenant_id", JsonNumber.of(1))
            .put("namespace_id", JsonNumber.of(1))
            .put("run_id", new JsonString(runId))
            .put("scenario_id", new JsonString(SCENARIO))
            .put(
                "spec_hash",
                JsonObject.builder()
                    .put("algorithm", new JsonString("sha256"))
                    .put("value", new JsonString(specHash))
                    .build())
            .put("status", new JsonString("completed"))
            .put("current_stage_id", new JsonString("audit"));
    for (RunLog log : RunLog.values()) {
      state.put(log.stateField(), new JsonArray(logs.get(log.ordinal())));
    }
    return new LoadedRun(spec, RunState.fromJson(state.build(), "state"));
  }
}

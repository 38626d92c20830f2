package io.runpack.domain.fake;

import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.RunState;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Timestamp;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small Decision Gate run for domain tests: a scenario spec and six logs, each given as stored
 * (members out of order, whitespace, non-canonical numbers and escapes) and as the canonical text
 * FORMAT §1 makes of it, written out by hand. One trigger {@code t1} in stage {@code main}, whose
 * condition {@code after} (provider {@code time}) carries a logical-time evidence anchor.
 */
public final class SmallRun {

  public static final long TENANT = 1;
  public static final long NAMESPACE = 2;
  public static final String SCENARIO = "release";
  public static final String RUN = "run-1";
  public static final Timestamp GENERATED_AT = Timestamp.logical(10);
  public static final String SPEC_PATH = "artifacts/scenario_spec.json";

  /** One artifact: where it goes, its kind, the value as stored and its canonical text. */
  public record Artifact(String path, String kind, String stored, String canonical) {
    public byte[] bytes() {
      return Hashes.utf8(canonical);
    }

    /** The run-state member that holds this log. */
    String stateField() {
      return path.substring("artifacts/".length(), path.length() - ".json".length());
    }
  }

  private final List<Artifact> artifacts;
  private final String recordedSpecHash;

  private SmallRun(List<Artifact> artifacts, String recordedSpecHash) {
    this.artifacts = List.copyOf(artifacts);
    this.recordedSpecHash = recordedSpecHash;
  }

  public static SmallRun standard() {
    return new SmallRun(
        List.of(
            new Artifact(
                SPEC_PATH,
                "scenario_spec",
                """
                {"scenario_id": "release", "stages": [{"stage_id": "main"}],
                 "conditions": [{"query": {"provider_id": "time", "check_id": "after"},
                                 "condition_id": "after"}]}
                """,
                "{\"conditions\":[{\"condition_id\":\"after\",\"query\":{\"check_id\":\"after\","
                    + "\"provider_id\":\"time\"}}],\"scenario_id\":\"release\","
                    + "\"stages\":[{\"stage_id\":\"main\"}]}"),
            new Artifact(
                "artifacts/triggers.json",
                "trigger_log",
                "[{\"trigger_id\": \"t1\", \"time\": {\"value\": 5, \"kind\": \"logical\"}}]",
                "[{\"time\":{\"kind\":\"logical\",\"value\":5},\"trigger_id\":\"t1\"}]"),
            new Artifact(
                "artifacts/gate_evals.json",
                "gate_eval_log",
                gateEvals("\"{\\\"logical\\\":5}\""),
                "[{\"evidence\":[{\"condition_id\":\"after\",\"result\":{\"error\":null,"
                    + "\"evidence_anchor\":{\"anchor_type\":\"trigger_time_logical\","
                    + "\"anchor_value\":\"{\\\"logical\\\":5}\"}}}],"
                    + "\"stage_id\":\"main\",\"trigger_id\":\"t1\"}]"),
            new Artifact(
                "artifacts/decisions.json",
                "decision_log",
                "[ {\"trigger_id\":\"t1\", \"score\": 1.50, \"note\": \"ok \\u00e9\\/\\u0001\"} ]",
                "[{\"note\":\"ok \u00e9/\\u0001\",\"score\":1.5,\"trigger_id\":\"t1\"}]"),
            new Artifact("artifacts/packets.json", "packet_log", "[ ]", "[]"),
            new Artifact("artifacts/submissions.json", "submission_log", "[]", "[]"),
            new Artifact(
                "artifacts/tool_calls.json",
                "tool_transcript",
                "[{\"tool\": \"scenario_next\", \"seq\": 1E0}, {\"tool\": \"a\", \"seq\": 2}]",
                "[{\"seq\":1,\"tool\":\"scenario_next\"},{\"seq\":2,\"tool\":\"a\"}]")),
        null);
  }

  /** A gate-eval log, as stored, of trigger t1 whose one evidence result has this anchor value. */
  public static String gateEvals(String anchorValueJson) {
    return "[{\"trigger_id\":\"t1\",\"stage_id\":\"main\",\"evidence\":[{\"condition_id\":\"after\","
        + "\"result\":{\"evidence_anchor\":{\"anchor_value\":"
        + anchorValueJson
        + ",\"anchor_type\":\"trigger_time_logical\"},\"error\":null}}]}]";
  }

  /** The same run with the artifact at {@code path} stored and canonical as given. */
  public SmallRun with(String path, String stored, String canonical) {
    List<Artifact> changed = new ArrayList<>();
    for (Artifact artifact : artifacts) {
      changed.add(
          artifact.path().equals(path)
              ? new Artifact(path, artifact.kind(), stored, canonical)
              : artifact);
    }
    return new SmallRun(changed, recordedSpecHash);
  }

  /** The same run whose state records {@code hex} as its spec hash. */
  public SmallRun recordingSpecHash(String hex) {
    return new SmallRun(artifacts, hex);
  }

  /** The spec first, then the six logs, in FORMAT §2 order. */
  public List<Artifact> artifacts() {
    return artifacts;
  }

  public Artifact artifact(String path) {
    return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
  }

  /** SHA-256 of the canonical spec, derived with the JDK alone. */
  public String specSha256() {
    return Hashes.sha256(artifact(SPEC_PATH).bytes());
  }

  /** The run state as stored: ids, spec hash, other members, the six logs. */
  public String stateText() {
    StringBuilder state =
        new StringBuilder(
            "{\"run_id\": \""
                + RUN
                + "\", \"tenant_id\": "
                + TENANT
                + ", \"namespace_id\": "
                + NAMESPACE
                + ", \"scenario_id\": \""
                + SCENARIO
                + "\", \"status\": \"completed\","
                + " \"spec_hash\": {\"value\": \""
                + (recordedSpecHash == null ? specSha256() : recordedSpecHash)
                + "\", \"algorithm\": \"sha256\"}");
    for (Artifact log : artifacts.subList(1, artifacts.size())) {
      state.append(", \"").append(log.stateField()).append("\": ").append(log.stored());
    }
    return state.append('}').toString();
  }

  /** The run as a store returns it, decoded by {@link FakeJsonDecoder}. */
  public LoadedRun loaded() {
    FakeJsonDecoder decoder = new FakeJsonDecoder();
    return new LoadedRun(
        decoder.decode(Hashes.utf8(artifact(SPEC_PATH).stored())),
        RunState.fromJson(decoder.decode(Hashes.utf8(stateText())), "state"));
  }

  /**
   * The run as a store returns it, with the records of {@code log} replaced by {@code records}:
   * values that stored text cannot hold, or is too slow to hold (huge ones).
   */
  public LoadedRun loadedWith(RunLog log, List<JsonValue> records) {
    LoadedRun loaded = loaded();
    RunState state = loaded.state();
    Map<RunLog, JsonValue> logs = new EnumMap<>(state.logs());
    logs.put(log, new JsonArray(records));
    return new LoadedRun(
        loaded.spec(),
        new RunState(
            state.tenantId(),
            state.namespaceId(),
            state.runId(),
            state.scenarioId(),
            state.specHash(),
            state.header(),
            logs));
  }

  /** The request for this run, manifest {@code manifest.json}, no output directory. */
  public static ExportRunpackCommand request(boolean includeVerification) {
    return new ExportRunpackCommand(
        TENANT,
        NAMESPACE,
        SCENARIO,
        RUN,
        GENERATED_AT,
        includeVerification,
        RunpackPath.of("manifest.json"),
        Optional.empty());
  }

  /** This run's runpack as FORMAT §2 describes it, built by hand. */
  public HandMadeRunpack runpack() {
    HandMadeRunpack runpack = new HandMadeRunpack(specSha256());
    artifacts.forEach(a -> runpack.plus(a.path(), a.kind(), a.bytes()));
    return runpack;
  }
}

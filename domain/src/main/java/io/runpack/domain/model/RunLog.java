package io.runpack.domain.model;

/**
 * The six logs of a run state and the artifact each becomes, in export order (FORMAT §2.2). The
 * scenario spec, written first, is not a log.
 */
public enum RunLog {
  TRIGGERS("triggers", "artifacts/triggers.json", ArtifactKind.TRIGGER_LOG),
  GATE_EVALS("gate_evals", "artifacts/gate_evals.json", ArtifactKind.GATE_EVAL_LOG),
  DECISIONS("decisions", "artifacts/decisions.json", ArtifactKind.DECISION_LOG),
  PACKETS("packets", "artifacts/packets.json", ArtifactKind.PACKET_LOG),
  SUBMISSIONS("submissions", "artifacts/submissions.json", ArtifactKind.SUBMISSION_LOG),
  TOOL_CALLS("tool_calls", "artifacts/tool_calls.json", ArtifactKind.TOOL_TRANSCRIPT);

  /** Where the scenario spec is written. */
  public static final String SCENARIO_SPEC_PATH = "artifacts/scenario_spec.json";

  /** Where the verifier report is written when verification is included. */
  public static final String VERIFIER_REPORT_PATH = "artifacts/verifier_report.json";

  private final String stateField;
  private final String path;
  private final ArtifactKind kind;

  RunLog(String stateField, String path, ArtifactKind kind) {
    this.stateField = stateField;
    this.path = path;
    this.kind = kind;
  }

  /** The member of the run state that holds this log. */
  public String stateField() {
    return stateField;
  }

  public String path() {
    return path;
  }

  public ArtifactKind kind() {
    return kind;
  }
}

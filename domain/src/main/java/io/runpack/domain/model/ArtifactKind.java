package io.runpack.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** The artifact kinds of the manifest schema, with their wire names. */
public enum ArtifactKind {
  SCENARIO_SPEC("scenario_spec"),
  TRIGGER_LOG("trigger_log"),
  GATE_EVAL_LOG("gate_eval_log"),
  DECISION_LOG("decision_log"),
  PACKET_LOG("packet_log"),
  DISPATCH_LOG("dispatch_log"),
  EVIDENCE_LOG("evidence_log"),
  SUBMISSION_LOG("submission_log"),
  TOOL_TRANSCRIPT("tool_transcript"),
  VERIFIER_REPORT("verifier_report"),
  CUSTOM("custom");

  private final String wireName;

  ArtifactKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ArtifactKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }
}

package io.runpack.domain.spec;

/**
 * The rules Decision Gate checks on a scenario spec before its CLI exports a run (FORMAT §6), each
 * with a stable wire name that starts the message of its error, so scripts can match on it.
 */
public enum SpecRule {
  /** The spec has at least one stage. */
  NO_STAGES("no_stages"),
  /** Stage ids are unique. */
  DUPLICATE_STAGE_ID("duplicate_stage_id"),
  /** Gate ids are unique across the whole scenario. */
  DUPLICATE_GATE_ID("duplicate_gate_id"),
  /** Packet ids are unique across the whole scenario. */
  DUPLICATE_PACKET_ID("duplicate_packet_id"),
  /** Condition ids are unique. */
  DUPLICATE_CONDITION_ID("duplicate_condition_id"),
  /** Every condition's {@code query.provider_id} is a non-empty string. */
  EMPTY_PROVIDER_ID("empty_provider_id"),
  /** Every condition's {@code query.check_id} is a non-empty string. */
  EMPTY_CHECK_ID("empty_check_id"),
  /** Every condition a gate's requirement names exists. */
  UNKNOWN_CONDITION("unknown_condition"),
  /** Every stage named by {@code advance_to} (fixed, branch target, branch default) exists. */
  UNKNOWN_STAGE("unknown_stage"),
  /** A branch rule's {@code gate_id} is a gate of the same stage. */
  BRANCH_GATE_NOT_IN_STAGE("branch_gate_not_in_stage");

  private final String wireName;

  SpecRule(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}

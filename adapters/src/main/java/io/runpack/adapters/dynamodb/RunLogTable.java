package io.runpack.adapters.dynamodb;

import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.model.RunLog;

/**
 * The run-log table's layout, in one place (a single table, string keys {@code pk} and {@code sk}):
 *
 * <ul>
 *   <li>run item: {@code pk = TENANT#<t>#NAMESPACE#<n>#RUN#<run_id>}, {@code sk = RUN}, with {@code
 *       scenario_id}, {@code spec_hash} (hex), {@code state} (the state's other members as
 *       canonical JSON) and {@code log_counts} (records per log);
 *   <li>one item per log record, same {@code pk}, {@code sk = LOG#<log>#<index, 10 digits>}, the
 *       record as canonical JSON in {@code record};
 *   <li>scenario spec: {@code pk = TENANT#<t>#NAMESPACE#<n>#SCENARIO#<scenario_id>}, {@code sk =
 *       SPEC#sha256#<hex>}, the spec as canonical JSON in {@code spec}.
 * </ul>
 *
 * The variable part of each key is its last part, so keys cannot collide. A run is loaded with one
 * Query of its partition (records sort in append order) and one GetItem of its spec. The table
 * itself is defined by the deployment (infra/) and, for tests, by the local AWS stack.
 */
public final class RunLogTable {

  public static final String PK = "pk";
  public static final String SK = "sk";
  static final String RUN_SK = "RUN";
  static final String LOG_SK_PREFIX = "LOG#";
  static final String SCENARIO_ID = "scenario_id";
  static final String SPEC_HASH = "spec_hash";
  static final String STATE = "state";
  static final String LOG_COUNTS = "log_counts";
  static final String RECORD = "record";
  static final String SPEC = "spec";

  /** DynamoDB's item size limit, attribute names and values included. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  /** Digits of a record index: a log holds at most 10^10 records. */
  static final int INDEX_DIGITS = 10;

  private RunLogTable() {}

  /** The partition of a run: its run item and its records. */
  public static String runPk(RunKey key) {
    return "TENANT#"
        + Long.toUnsignedString(key.tenantId())
        + "#NAMESPACE#"
        + Long.toUnsignedString(key.namespaceId())
        + "#RUN#"
        + key.runId();
  }

  static String logSk(RunLog log, long index) {
    String digits = Long.toString(index);
    return LOG_SK_PREFIX
        + log.stateField()
        + "#"
        + "0".repeat(INDEX_DIGITS - digits.length())
        + digits;
  }

  /** The partition of a scenario's specs. */
  public static String scenarioPk(long tenantId, long namespaceId, String scenarioId) {
    return "TENANT#"
        + Long.toUnsignedString(tenantId)
        + "#NAMESPACE#"
        + Long.toUnsignedString(namespaceId)
        + "#SCENARIO#"
        + scenarioId;
  }

  /** The sort key of a spec, by its hash. */
  public static String specSk(HashDigest specHash) {
    return "SPEC#" + specHash.algorithm() + "#" + specHash.value();
  }
}

package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonArray;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.json.JsonValue;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the exporter needs of a Decision Gate run state (FORMAT §5): its header (ids and the spec
 * hash it recorded) and its six logs, whose records are opaque JSON values in append order.
 */
public record RunState(
    long tenantId,
    long namespaceId,
    String runId,
    String scenarioId,
    HashDigest specHash,
    Map<RunLog, List<JsonValue>> logs) {

  public RunState {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(specHash, "specHash");
    EnumMap<RunLog, List<JsonValue>> copy = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      List<JsonValue> records = logs.get(log);
      if (records == null) {
        throw new IllegalArgumentException("run state has no " + log.stateField() + " log");
      }
      copy.put(log, List.copyOf(records));
    }
    logs = java.util.Collections.unmodifiableMap(copy);
  }

  public RunKey key() {
    return new RunKey(tenantId, namespaceId, runId);
  }

  public List<JsonValue> log(RunLog log) {
    return logs.get(log);
  }

  /**
   * Reads a run state as Decision Gate serializes it. Members the export does not use
   * (status, current stage, dispatch targets…) are allowed and ignored; the header and the six
   * logs are required. Defects are {@link ErrorCode#INVALID_RUN_DATA} errors naming the member.
   */
  public static RunState fromJson(JsonValue json, String path) {
    ErrorCode code = ErrorCode.INVALID_RUN_DATA;
    JsonFields fields = JsonFields.of(json, path, code);
    Map<RunLog, List<JsonValue>> logs = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      JsonArray records = fields.array(log.stateField());
      logs.put(log, records.elements());
    }
    return new RunState(
        fields.positiveId("tenant_id"),
        fields.positiveId("namespace_id"),
        fields.string("run_id"),
        fields.string("scenario_id"),
        HashDigest.fromJson(fields.value("spec_hash"), path + ".spec_hash", code),
        logs);
  }
}

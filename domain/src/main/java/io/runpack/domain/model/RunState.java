package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonCanonical;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Decision Gate run state (FORMAT §5) as the exporter reads it: the ids and the spec hash it
 * recorded, its six logs, each a JSON array of opaque records in append order, and the rest of its
 * members ({@code header}: status, current stage…), kept so that stores can hold it whole.
 *
 * <p>A log is either an array of values or, as a store that reads text hands it over, the canonical
 * bytes of the whole array ({@link JsonCanonical}): millions of tiny records then cost their bytes,
 * not an object each.
 */
public record RunState(
    long tenantId,
    long namespaceId,
    String runId,
    String scenarioId,
    HashDigest specHash,
    JsonObject header,
    Map<RunLog, JsonValue> logs) {

  private static final Set<String> LOG_FIELDS =
      Arrays.stream(RunLog.values())
          .map(RunLog::stateField)
          .collect(Collectors.toUnmodifiableSet());

  public RunState {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(specHash, "specHash");
    EnumMap<RunLog, JsonValue> copy = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      JsonValue records = logs.get(log);
      if (records == null || !"array".equals(records.typeName())) {
        throw new IllegalArgumentException("run state has no " + log.stateField() + " log");
      }
      copy.put(log, records);
    }
    logs = Collections.unmodifiableMap(copy);
  }

  public RunKey key() {
    return new RunKey(tenantId, namespaceId, runId);
  }

  /** The log as one JSON array, as the export writes it. */
  public JsonValue log(RunLog log) {
    return logs.get(log);
  }

  /** The log's records, one value each (a store that writes them one by one needs them so). */
  public List<JsonValue> records(RunLog log) {
    JsonValue records = logs.get(log);
    return records instanceof JsonCanonical canonical
        ? canonical.elements()
        : ((JsonArray) records).elements();
  }

  /** How many records the six logs hold together. */
  public int recordCount() {
    int count = 0;
    for (RunLog log : RunLog.values()) {
      count += records(log).size();
    }
    return count;
  }

  /**
   * Reads a run state as Decision Gate serializes it. Members the export does not use (status,
   * current stage, dispatch targets…) are allowed and ignored; the header and the six logs are
   * required. Defects are {@link ErrorCode#INVALID_RUN_DATA} errors naming the member.
   */
  public static RunState fromJson(JsonValue json, String path) {
    ErrorCode code = ErrorCode.INVALID_RUN_DATA;
    JsonFields fields = JsonFields.of(json, path, code);
    Map<RunLog, JsonValue> logs = new EnumMap<>(RunLog.class);
    for (RunLog log : RunLog.values()) {
      JsonValue records = fields.value(log.stateField());
      logs.put(
          log,
          records instanceof JsonCanonical && "array".equals(records.typeName())
              ? records
              : fields.array(log.stateField()));
    }
    JsonObject.Builder header = JsonObject.builder();
    fields
        .object()
        .members()
        .forEach(
            (key, value) -> {
              if (!LOG_FIELDS.contains(key)) {
                header.put(key, value);
              }
            });
    return new RunState(
        fields.positiveId("tenant_id"),
        fields.positiveId("namespace_id"),
        fields.string("run_id"),
        fields.string("scenario_id"),
        HashDigest.fromJson(fields.value("spec_hash"), path + ".spec_hash", code),
        header.build(),
        logs);
  }

  /** The whole state as JSON: the header members and the six logs. */
  public JsonObject toJson() {
    JsonObject.Builder json = JsonObject.builder();
    header.members().forEach(json::put);
    for (RunLog log : RunLog.values()) {
      json.put(log.stateField(), logs.get(log));
    }
    return json.build();
  }
}

package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.CanonicalJson;
import io.runpack.domain.json.JsonArray;
import io.runpack.domain.json.JsonBoolean;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.json.JsonNull;
import io.runpack.domain.json.JsonNumber;
import io.runpack.domain.json.JsonObject;
import io.runpack.domain.json.JsonString;
import io.runpack.domain.json.JsonValue;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.RunpackReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence-anchor check of the verifier (FORMAT §3.5): every successful evidence result of a
 * provider the policy names must carry an anchor of the required type whose value is canonical JSON
 * of an object with the required fields set to strings or numbers.
 *
 * <p>The messages are Decision Gate's. Reading the scenario spec and the gate-eval log (at their
 * fixed paths, as the decision log) can fail too; those failures are reported the way the decision
 * log's are: {@code <what> read failed: <reason>} and {@code invalid <what>: <reason>}.
 */
final class AnchorChecker {

  private final JsonDecoder decoder;

  AnchorChecker(JsonDecoder decoder) {
    this.decoder = decoder;
  }

  void check(AnchorPolicy policy, RunpackReader reader, List<String> errors) {
    Optional<JsonValue> spec =
        RunpackVerifier.readJson(
            decoder, reader, RunLog.SCENARIO_SPEC_PATH, "scenario spec", errors);
    Optional<JsonValue> gateEvals =
        RunpackVerifier.readJson(
            decoder, reader, RunLog.GATE_EVALS.path(), "gate eval log", errors);
    if (spec.isEmpty() || gateEvals.isEmpty()) {
      return;
    }
    try {
      Map<String, String> providers = providersByCondition(spec.get());
      JsonArray records = asArray(gateEvals.get(), "gate eval log");
      for (int r = 0; r < records.size(); r++) {
        checkRecord(
            JsonFields.of(records.get(r), "gate_evals[" + r + "]", ErrorCode.INVALID_JSON),
            providers,
            policy,
            errors);
      }
    } catch (RunpackException e) {
      errors.add("invalid anchor inputs: " + e.getMessage());
    }
  }

  private void checkRecord(
      JsonFields record, Map<String, String> providers, AnchorPolicy policy, List<String> errors) {
    String triggerId = record.string("trigger_id");
    String stageId = record.string("stage_id");
    JsonArray evidence = record.array("evidence");
    for (int e = 0; e < evidence.size(); e++) {
      JsonFields item =
          JsonFields.of(
              evidence.get(e), record.path() + ".evidence[" + e + "]", ErrorCode.INVALID_JSON);
      String conditionId = item.string("condition_id");
      JsonFields result = item.object("result");
      if (result.has("error") && result.value("error") != JsonNull.INSTANCE) {
        continue;
      }
      String where = "(trigger " + triggerId + ", stage " + stageId + ")";
      String providerId = providers.get(conditionId);
      if (providerId == null) {
        errors.add("condition " + conditionId + " missing from scenario spec " + where);
        continue;
      }
      Optional<AnchorPolicy.Requirement> requirement = policy.requirementFor(providerId);
      if (requirement.isEmpty()) {
        continue;
      }
      String why =
          anchorProblem(result.object().members().get("evidence_anchor"), requirement.get());
      if (why != null) {
        errors.add("anchor invalid for condition " + conditionId + " " + where + ": " + why);
      }
    }
  }

  /** Why the anchor does not meet the requirement, or null when it does. */
  private String anchorProblem(JsonValue anchor, AnchorPolicy.Requirement requirement) {
    if (!(anchor instanceof JsonObject anchorObject)) {
      return "missing evidence_anchor";
    }
    JsonValue type = anchorObject.members().get("anchor_type");
    String actualType = type instanceof JsonString s ? s.value() : String.valueOf(type);
    if (!requirement.anchorType().equals(actualType)) {
      return "anchor_type mismatch: expected " + requirement.anchorType() + " got " + actualType;
    }
    Optional<JsonValue> value = canonicalValue(anchorObject.members().get("anchor_value"));
    if (value.isEmpty()) {
      return "anchor_value must be canonical JSON";
    }
    if (!(value.get() instanceof JsonObject fields)) {
      return "anchor_value must be a JSON object";
    }
    for (String field : requirement.requiredFields()) {
      JsonValue fieldValue = fields.members().get(field);
      if (fieldValue == null) {
        return "anchor field " + field + " missing";
      }
      if (fieldValue == JsonNull.INSTANCE) {
        return "anchor field " + field + " must be set";
      }
      if (fieldValue instanceof JsonArray || fieldValue instanceof JsonObject) {
        return "anchor field " + field + " must be scalar";
      }
      if (fieldValue instanceof JsonBoolean) {
        return "anchor field " + field + " must be string or number";
      }
      assert fieldValue instanceof JsonString || fieldValue instanceof JsonNumber;
    }
    return null;
  }

  /** The parsed anchor value when it is a string holding canonical JSON, else empty. */
  private Optional<JsonValue> canonicalValue(JsonValue anchorValue) {
    if (!(anchorValue instanceof JsonString text)) {
      return Optional.empty();
    }
    byte[] bytes = text.value().getBytes(StandardCharsets.UTF_8);
    try {
      JsonValue parsed = decoder.decode(bytes);
      return Arrays.equals(CanonicalJson.toBytes(parsed), bytes)
          ? Optional.of(parsed)
          : Optional.empty();
    } catch (RunpackException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> providersByCondition(JsonValue spec) {
    JsonArray conditions =
        JsonFields.of(spec, "scenario spec", ErrorCode.INVALID_JSON).array("conditions");
    Map<String, String> providers = new HashMap<>();
    for (int c = 0; c < conditions.size(); c++) {
      JsonFields condition =
          JsonFields.of(
              conditions.get(c), "scenario spec.conditions[" + c + "]", ErrorCode.INVALID_JSON);
      providers.put(
          condition.string("condition_id"), condition.object("query").string("provider_id"));
    }
    return providers;
  }

  private static JsonArray asArray(JsonValue value, String what) {
    if (value instanceof JsonArray array) {
      return array;
    }
    throw new RunpackException(
        ErrorCode.INVALID_JSON, what + " must be an array, not " + value.typeName());
  }
}

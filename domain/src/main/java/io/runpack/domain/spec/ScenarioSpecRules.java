package io.runpack.domain.spec;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.model.RunpackPath;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a scenario spec (a decoded tree) as Decision Gate checks it before its CLI exports a run
 * (FORMAT §6), in the order the rules are listed there; the first broken rule is an {@link
 * ErrorCode#INVALID_RUN_DATA} error whose message starts with {@code scenario spec breaks rule
 * <wire name>:}. A spec whose shape the rules cannot read (stages not an array, a gate without an
 * id…) is the same code with the message of {@link JsonFields}, naming the member.
 *
 * <p>Pure: no I/O; recursion through requirements is bounded by the JSON depth limit.
 */
public final class ScenarioSpecRules {

  private static final ErrorCode CODE = ErrorCode.INVALID_RUN_DATA;
  private static final String SPEC = "spec";

  private ScenarioSpecRules() {}

  /** Fails on the first rule {@code spec} breaks. */
  public static void check(JsonValue spec) {
    JsonFields root = JsonFields.of(spec, SPEC, CODE);
    List<JsonValue> stages = root.array("stages").elements();
    if (stages.isEmpty()) {
      throw broken(SpecRule.NO_STAGES, "the scenario has no stages");
    }
    Set<String> stageIds = new HashSet<>();
    for (int s = 0; s < stages.size(); s++) {
      String id = stage(stages, s).string("stage_id");
      requireNew(stageIds, id, SpecRule.DUPLICATE_STAGE_ID, "stage id");
    }
    Set<String> gateIds = new HashSet<>();
    for (int s = 0; s < stages.size(); s++) {
      for (JsonFields gate : each(stage(stages, s), "gates")) {
        requireNew(gateIds, gate.string("gate_id"), SpecRule.DUPLICATE_GATE_ID, "gate id");
      }
    }
    Set<String> packetIds = new HashSet<>();
    for (int s = 0; s < stages.size(); s++) {
      for (JsonFields packet : each(stage(stages, s), "entry_packets")) {
        String id = packet.string("packet_id");
        requireNew(packetIds, id, SpecRule.DUPLICATE_PACKET_ID, "packet id");
      }
    }
    Set<String> conditionIds = new HashSet<>();
    List<JsonFields> conditions = each(root, "conditions");
    for (JsonFields condition : conditions) {
      String id = condition.string("condition_id");
      requireNew(conditionIds, id, SpecRule.DUPLICATE_CONDITION_ID, "condition id");
    }
    for (JsonFields condition : conditions) {
      JsonFields query = condition.object("query");
      String id = condition.string("condition_id");
      requireNonEmpty(query, "provider_id", SpecRule.EMPTY_PROVIDER_ID, id);
      requireNonEmpty(query, "check_id", SpecRule.EMPTY_CHECK_ID, id);
    }
    for (int s = 0; s < stages.size(); s++) {
      for (JsonFields gate : each(stage(stages, s), "gates")) {
        Requirements.requireKnown(
            gate.value("requirement"),
            gate.path() + ".requirement",
            conditionIds,
            gate.string("gate_id"));
      }
    }
    for (int s = 0; s < stages.size(); s++) {
      AdvanceTargets.check(stage(stages, s), stageIds);
    }
  }

  /** The error of a broken rule. */
  static RunpackException broken(SpecRule rule, String detail) {
    return new RunpackException(
        CODE, "scenario spec breaks rule " + rule.wireName() + ": " + detail);
  }

  /** {@code "value"} quoted for a message, control characters shown as '?'. */
  static String quoted(String value) {
    return "\"" + RunpackPath.printable(value) + "\"";
  }

  static JsonFields stage(List<JsonValue> stages, int index) {
    return JsonFields.of(stages.get(index), SPEC + ".stages[" + index + "]", CODE);
  }

  /** The objects of the array member {@code key}. */
  static List<JsonFields> each(JsonFields parent, String key) {
    JsonArray array = parent.array(key);
    List<JsonFields> objects = new java.util.ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      objects.add(JsonFields.of(array.get(i), parent.path() + "." + key + "[" + i + "]", CODE));
    }
    return objects;
  }

  private static void requireNew(Set<String> seen, String id, SpecRule rule, String what) {
    if (!seen.add(id)) {
      throw broken(rule, what + " " + quoted(id) + " appears more than once");
    }
  }

  private static void requireNonEmpty(
      JsonFields query, String key, SpecRule rule, String conditionId) {
    JsonValue value = query.value(key);
    if (!(value instanceof JsonString string) || string.value().isEmpty()) {
      if (value instanceof JsonString) {
        throw broken(rule, "condition " + quoted(conditionId) + " has an empty query." + key);
      }
      query.string(key); // the type error, naming the member
    }
  }
}

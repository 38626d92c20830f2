package io.runpack.domain.spec;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonValue;
import java.util.Map;
import java.util.Set;

/**
 * A gate's requirement tree as Decision Gate serializes it, externally tagged: {@code
 * {"Condition":"<id>"}}, {@code {"And":[…]}}, {@code {"Or":[…]}}, {@code {"Not":<requirement>}} or
 * {@code {"RequireGroup":{"min":n,"reqs":[…]}}}. Walks it to find every condition it names; any
 * other shape is {@link ErrorCode#INVALID_RUN_DATA} naming the member.
 */
final class Requirements {

  private static final ErrorCode CODE = ErrorCode.INVALID_RUN_DATA;

  private Requirements() {}

  /** Fails with {@link SpecRule#UNKNOWN_CONDITION} on the first condition not in {@code known}. */
  static void requireKnown(JsonValue requirement, String path, Set<String> known, String gateId) {
    JsonFields fields = JsonFields.of(requirement, path, CODE);
    Map<String, JsonValue> members = fields.object().members();
    if (members.size() != 1) {
      throw fields.fail(
          path + " must have exactly one member (Condition, And, Or, Not or RequireGroup)");
    }
    String kind = members.keySet().iterator().next();
    switch (kind) {
      case "Condition" -> {
        String id = fields.string(kind);
        if (!known.contains(id)) {
          throw ScenarioSpecRules.broken(
              SpecRule.UNKNOWN_CONDITION,
              "gate "
                  + ScenarioSpecRules.quoted(gateId)
                  + " requires condition "
                  + ScenarioSpecRules.quoted(id)
                  + ", which the scenario does not define");
        }
      }
      case "And", "Or" -> all(fields.array(kind), path + "." + kind, known, gateId);
      case "Not" -> requireKnown(fields.value(kind), path + ".Not", known, gateId);
      case "RequireGroup" -> {
        JsonFields group = fields.object(kind);
        all(group.array("reqs"), group.path() + ".reqs", known, gateId);
      }
      default ->
          throw fields.fail(
              path + " has unknown requirement kind " + ScenarioSpecRules.quoted(kind));
    }
  }

  private static void all(JsonArray requirements, String path, Set<String> known, String gateId) {
    for (int i = 0; i < requirements.size(); i++) {
      requireKnown(requirements.get(i), path + "[" + i + "]", known, gateId);
    }
  }
}

package io.runpack.domain.service;

import io.runpack.json.JsonStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The evidence provider of each condition of a scenario spec ({@code conditions[].query
 * .provider_id}, FORMAT §3.5), read from a checked spec as a stream: memory proportional to the
 * condition and provider ids, never to the spec's shape. A malformed spec fails with the messages
 * of {@code JsonFields}; a condition id given twice keeps its last provider.
 */
final class SpecConditions {

  private SpecConditions() {}

  static Map<String, String> providers(byte[] spec) {
    JsonStream root = JsonStream.of(spec);
    root.next();
    int conditionsAt =
        StreamedObject.read(root, "scenario spec", "conditions").arrayAt("conditions");
    JsonStream conditions = JsonStream.valueAt(spec, conditionsAt);
    conditions.next();
    Map<String, String> providers = new HashMap<>();
    for (int c = 0; conditions.next() != JsonStream.Token.END_ARRAY; c++) {
      StreamedObject condition =
          StreamedObject.read(
              conditions, "scenario spec.conditions[" + c + "]", "condition_id", "query");
      String conditionId = condition.string("condition_id");
      StreamedObject query =
          StreamedObject.at(
              spec, condition.objectAt("query"), condition.path() + ".query", "provider_id");
      providers.put(conditionId, query.string("provider_id"));
    }
    return providers;
  }
}

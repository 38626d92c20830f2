package io.runpack.adapters.dynamodb;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.LoadedRun;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;

/** Reference runs grown to a chosen size, for volume and limit tests. */
final class RunBuilder {

  private RunBuilder() {}

  /**
   * The visibility reference run with {@code count} trigger records of about {@code payloadBytes}
   * each.
   */
  static LoadedRun withTriggers(int count, int payloadBytes) {
    return withLogs(List.of("triggers"), count, payloadBytes);
  }

  /**
   * The visibility reference run with {@code count} records of about {@code payloadBytes} each in
   * every one of its six logs (the same shape in each: a state's logs are arrays of any records).
   */
  static LoadedRun withEveryLog(int count, int payloadBytes) {
    return withLogs(
        List.of("triggers", "gate_evals", "decisions", "packets", "submissions", "tool_calls"),
        count,
        payloadBytes);
  }

  private static LoadedRun withLogs(List<String> logs, int count, int payloadBytes) {
    LoadedRun reference =
        LoadedRun.fromBundle(
            LocalRunpack.json(Fixtures.read(Fixtures.runBundle("golden_visibility_packet"))));
    List<JsonValue> triggers = new ArrayList<>(count);
    String filler = "p".repeat(Math.max(0, payloadBytes - 100));
    for (int i = 0; i < count; i++) {
      triggers.add(
          JsonObject.builder()
              .put("seq", JsonNumber.of(i + 1))
              .put(
                  "event",
                  JsonObject.builder()
                      .put("trigger_id", "trigger-" + i)
                      .put(
                          "payload",
                          JsonObject.builder()
                              .put("index", JsonNumber.of(i))
                              .put("filler", new JsonString(filler))
                              .build())
                      .build())
              .build());
    }
    JsonObject.Builder state = JsonObject.builder();
    reference
        .state()
        .toJson()
        .members()
        .forEach(
            (key, value) -> state.put(key, logs.contains(key) ? new JsonArray(triggers) : value));
    return LoadedRun.fromBundle(
        JsonObject.builder().put("spec", reference.spec()).put("state", state.build()).build());
  }
}

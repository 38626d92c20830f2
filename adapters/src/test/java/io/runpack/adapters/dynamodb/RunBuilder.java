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
    return withLogs(List.of("triggers"), count, filler(payloadBytes));
  }

  /**
   * The visibility reference run with {@code count} tool-call records, each tagged with {@code
   * writer}: two such runs are one run (same run id, same record count) of different content.
   */
  static LoadedRun withToolCallsBy(String writer, int count) {
    return withLogs(List.of("tool_calls"), count, writer);
  }

  /**
   * The visibility reference run with {@code count} records of about {@code payloadBytes} each in
   * every one of its six logs (the same shape in each: a state's logs are arrays of any records).
   */
  static LoadedRun withEveryLog(int count, int payloadBytes) {
    return withLogs(
        List.of("triggers", "gate_evals", "decisions", "packets", "submissions", "tool_calls"),
        count,
        filler(payloadBytes));
  }

  private static String filler(int payloadBytes) {
    return "p".repeat(Math.max(0, payloadBytes - 100));
  }

  private static LoadedRun withLogs(List<String> logs, int count, String filler) {
    LoadedRun reference =
        LoadedRun.fromBundle(
            LocalRunpack.json(Fixtures.read(Fixtures.runBundle("golden_visibility_packet"))));
    List<JsonValue> triggers = new ArrayList<>(count);
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

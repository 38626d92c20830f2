package io.runpack.domain.service;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonStream.Token;
import java.nio.charset.StandardCharsets;

/**
 * FORMAT §3.4: the decision log must be an array of records that each carry a string {@code
 * trigger_id}, no trigger decided twice. Read as a stream, twice (the text is checked whole first,
 * so a defect anywhere is reported as Decision Gate reports it, before any record is judged), in
 * memory proportional to the trigger ids, never to the log's shape.
 */
final class DecisionLogCheck {

  private DecisionLogCheck() {}

  static void check(byte[] log, ReportErrors errors) {
    try {
      RunpackJson.check(log);
    } catch (RunpackException e) {
      errors.add("invalid decision log: " + e.getMessage());
      return;
    }
    JsonStream stream = JsonStream.of(log);
    Token first = stream.next();
    if (first != Token.START_ARRAY) {
      errors.add(
          "invalid decision log: expected an array of decision records, not " + first.typeName());
      return;
    }
    FirstRepeat triggers = new FirstRepeat();
    int index = 0;
    while (stream.next() != Token.END_ARRAY) {
      byte[] trigger = triggerId(stream);
      if (trigger == null) {
        errors.add("invalid decision log: decision record " + index + " has no string trigger_id");
        return;
      }
      triggers.add(trigger);
      index++;
    }
    int repeat = triggers.firstRepeat();
    if (repeat >= 0) {
      errors.add(
          "duplicate decision for trigger "
              + new String(triggers.item(repeat), StandardCharsets.UTF_8));
    }
  }

  /** At a record's first token: its trigger id when it is an object that has a string one. */
  private static byte[] triggerId(JsonStream stream) {
    if (stream.token() != Token.START_OBJECT) {
      return null;
    }
    byte[] trigger = null;
    while (stream.next() == Token.NAME) {
      boolean isTrigger = stream.textEquals("trigger_id");
      if (stream.next() == Token.STRING && isTrigger) {
        trigger = stream.stringBytes();
      }
      stream.skip();
    }
    return trigger;
  }
}

package io.runpack.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.model.RunLog;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FORMAT §3.4 read as a stream: the same verdicts, in the same order, as reading the log whole —
 * the text checked first, then every record's shape, and only then the first trigger decided twice.
 */
class DecisionLogCheckTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|",
        "'[{\"trigger_id\":\"a\"},{\"trigger_id\":\"b\"}]'|",
        "'[{\"trigger_id\":\"a\"},{\"trigger_id\":\"b\"},{\"trigger_id\":\"b\"},{\"trigger_id\":\"a\"}]'"
            + "|duplicate decision for trigger b",
        "'[{\"trigger_id\":\"b\"},{\"trigger_id\":\"a\"},{\"trigger_id\":\"a\"},{\"trigger_id\":\"b\"}]'"
            + "|duplicate decision for trigger a",
        "'[{\"trigger_id\":\"x\\u0041\"},{\"trigger_id\":\"xA\"}]'|duplicate decision for trigger xA",
        "'[{\"trigger_id\":\"a\"},{\"trigger_id\":\"a\"},{\"seq\":1}]'"
            + "|invalid decision log: decision record 2 has no string trigger_id",
        "'[{\"trigger_id\":1}]'|invalid decision log: decision record 0 has no string trigger_id",
        "'[0,0,0]'|invalid decision log: decision record 0 has no string trigger_id",
        "'{\"trigger_id\":\"x\"}'"
            + "|invalid decision log: expected an array of decision records, not object",
        "'[{\"trigger_id\":\"a\"},{\"trigger_id\":\"a\"}'"
            + "|invalid decision log: unexpected end of JSON text at byte 38",
        "'[{\"trigger_id\":\"a\",\"trigger_id\":\"b\"}]'"
            + "|invalid decision log: duplicate key \"trigger_id\" at byte 19",
      })
  void judgesTheLogAsDecisionGateDoes(String log, String error) {
    Runpacks runpack = new Runpacks().file(RunLog.DECISIONS.path(), log);

    List<String> errors =
        new RunpackVerifier().verify(runpack.manifest(), runpack.reader()).errors();

    assertEquals(error == null ? List.of() : List.of(error), errors);
  }
}

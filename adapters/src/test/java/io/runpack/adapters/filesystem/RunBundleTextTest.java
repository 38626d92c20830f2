package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunLog;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonCanonical;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run bundle read from its text holds each log as its canonical bytes (no value per record), and
 * gives exactly the artifacts, spec and ids that a tree of the same bundle gives.
 */
class RunBundleTextTest {

  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

  @ParameterizedTest
  @ValueSource(strings = {"golden_time_after_pass", "golden_visibility_packet"})
  void logsAreHeldAsTheirCanonicalBytesAndGiveTheSameArtifactsAsATree(String label) {
    byte[] bundle = Fixtures.read(Fixtures.runBundle(label));

    LoadedRun streamed = RunBundleText.read(bundle, CODEC, "run bundle b.json");
    LoadedRun tree = LoadedRun.fromBundle(CODEC.decode(bundle));

    for (RunLog log : RunLog.values()) {
      assertInstanceOf(JsonCanonical.class, streamed.state().log(log), log.stateField());
      assertArrayEquals(
          CanonicalJson.toBytes(tree.state().log(log)),
          CanonicalJson.toBytes(streamed.state().log(log)),
          log.stateField());
      assertEquals(
          tree.state().records(log).size(), streamed.state().records(log).size(), log.path());
    }
    assertArrayEquals(CanonicalJson.toBytes(tree.spec()), CanonicalJson.toBytes(streamed.spec()));
    assertArrayEquals(
        CanonicalJson.toBytes(tree.state().toJson()),
        CanonicalJson.toBytes(streamed.state().toJson()));
    assertEquals(tree.state().key(), streamed.state().key());
    assertEquals(tree.state().specHash(), streamed.state().specHash());
  }

  @Test
  void aBundleThatIsNotAnObjectIsInvalidRunData() {
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                RunBundleText.read(
                    "[1,2]".getBytes(StandardCharsets.UTF_8), CODEC, "run bundle b.json"));
    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code());
    assertEquals("run bundle b.json: bundle must be an object, not array", e.getMessage());
  }

  @Test
  void aByteOrderMarkIsInvalidRunDataNamingTheSource() {
    byte[] bundle = ("\uFEFF{}").getBytes(StandardCharsets.UTF_8);

    RunpackException e =
        assertThrows(
            RunpackException.class, () -> RunBundleText.read(bundle, CODEC, "run bundle b.json"));

    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code());
    assertEquals(
        "run bundle b.json: byte order mark (U+FEFF) before the JSON text at byte 0",
        e.getMessage());
  }

  @Test
  void aLogThatIsNotAnArrayIsInvalidRunDataNamingIt() {
    String bundle =
        "{\"spec\":{\"scenario_id\":\"s\"},\"state\":{\"decisions\":[],\"gate_evals\":[],"
            + "\"namespace_id\":1,\"packets\":{\"a\":[0]},\"run_id\":\"r\",\"scenario_id\":\"s\","
            + "\"spec_hash\":{\"algorithm\":\"sha256\",\"value\":\""
            + "0".repeat(64)
            + "\"},\"submissions\":[],\"tenant_id\":1,\"tool_calls\":[],\"triggers\":[]}}";
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                RunBundleText.read(
                    bundle.getBytes(StandardCharsets.UTF_8), CODEC, "run bundle b.json"));
    assertEquals(ErrorCode.INVALID_RUN_DATA, e.code());
    assertEquals(
        "run bundle b.json: bundle.state.packets must be an array, not object", e.getMessage());
  }
}

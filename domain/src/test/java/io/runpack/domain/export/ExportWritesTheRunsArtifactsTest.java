package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.RunpackFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §2.1-2: an export writes the scenario spec and the six logs, in that order, each as its
 * canonical bytes with their SHA-256. Expected bytes are written out by hand ({@link SmallRun}),
 * digests come from the JDK.
 */
class ExportWritesTheRunsArtifactsTest {

  private static final List<String> FORMAT_ORDER =
      List.of(
          "artifacts/scenario_spec.json",
          "artifacts/triggers.json",
          "artifacts/gate_evals.json",
          "artifacts/decisions.json",
          "artifacts/packets.json",
          "artifacts/submissions.json",
          "artifacts/tool_calls.json");

  private static List<RunpackFile> exported(SmallRun run) {
    FakeStorage storage = FakeStorage.local();
    Exports.export(run, storage, false);
    return storage.onlyPublication().artifacts();
  }

  private static String text(RunpackFile file) {
    return new String(file.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void theSpecAndTheSixLogsAreWrittenInFormatOrder() {
    assertEquals(
        FORMAT_ORDER, exported(SmallRun.standard()).stream().map(f -> f.path().value()).toList());
  }

  @Test
  void eachArtifactIsTheCanonicalTextOfWhatWasStored() {
    SmallRun run = SmallRun.standard();
    for (RunpackFile file : exported(run)) {
      assertEquals(run.artifact(file.path().value()).canonical(), text(file), file.path().value());
    }
  }

  @Test
  void eachArtifactCarriesTheSha256OfItsBytes() {
    SmallRun run = SmallRun.standard();
    for (RunpackFile file : exported(run)) {
      String expected = Hashes.sha256(run.artifact(file.path().value()).bytes());
      assertEquals("sha256", file.hash().algorithm());
      assertEquals(expected, file.hash().value(), file.path().value());
    }
  }

  @Test
  void anEmptyLogIsAnEmptyArray() {
    RunpackFile packets = exported(SmallRun.standard()).get(4);
    assertEquals("artifacts/packets.json", packets.path().value());
    assertEquals("[]", text(packets));
  }

  @Test
  void logRecordsKeepTheirAppendOrder() {
    SmallRun run =
        SmallRun.standard()
            .with(
                "artifacts/triggers.json",
                "[{\"trigger_id\":\"t9\"},{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t5\"}]",
                "[{\"trigger_id\":\"t9\"},{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t5\"}]");
    assertEquals(
        "[{\"trigger_id\":\"t9\"},{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t5\"}]",
        text(exported(run).get(1)));
  }
}

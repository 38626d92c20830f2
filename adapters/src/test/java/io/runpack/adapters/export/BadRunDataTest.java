package io.runpack.adapters.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.filesystem.FileSystemRunStore;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run data that cannot give a faithful runpack is refused with a typed error naming the problem,
 * and no runpack is left behind (the output directory is not even created).
 */
class BadRunDataTest {

  private static final String LABEL = "golden_visibility_packet";
  private static final String BUNDLE_PATH = "1/1/run-2.json";

  @TempDir Path temp;
  String bundle;

  @BeforeEach
  void readBundle() {
    bundle = new String(Fixtures.read(Fixtures.runBundle(LABEL)), StandardCharsets.UTF_8);
  }

  @Test
  void specHashMismatchIsRefused() {
    store(bundle.replace("\"hello\": \"world\"", "\"hello\": \"there\""));

    RunpackException e = exportFails(ErrorCode.SPEC_HASH_MISMATCH);
    assertTrue(
        e.getMessage().startsWith("run state spec hash mismatch: the run state records df1ae4e5"),
        e.getMessage());
  }

  @Test
  void missingRunIsRunNotFound() throws java.io.IOException {
    Files.createDirectories(temp.resolve("store/1/1"));

    RunpackException e = exportFails(ErrorCode.RUN_NOT_FOUND);
    assertEquals(
        "no run for tenant 1, namespace 1, run run-2 (no run bundle 1/1/run-2.json)",
        e.getMessage());
  }

  @Test
  void missingStoreDirectoryIsFileNotFound() {
    RunpackException e = exportFails(ErrorCode.FILE_NOT_FOUND);
    assertTrue(e.getMessage().startsWith("run store directory "), e.getMessage());
  }

  @Test
  void runOfAnotherScenarioIsRunNotFound() {
    store(
        bundle.replace(
            "\"scenario_id\": \"golden-visibility\",\n    \"spec_hash\"",
            "\"scenario_id\": \"other\",\n    \"spec_hash\""));

    RunpackException e = exportFails(ErrorCode.RUN_NOT_FOUND);
    assertEquals(
        "no run tenant 1, namespace 1, run run-2 in scenario golden-visibility (that run belongs to scenario other)",
        e.getMessage());
  }

  @Test
  void runStateOfAnotherRunIsInvalidRunData() {
    store(
        bundle.replace(
            "\"run_id\": \"run-2\",\n    \"scenario_id\"",
            "\"run_id\": \"run-9\",\n    \"scenario_id\""));

    RunpackException e = exportFails(ErrorCode.INVALID_RUN_DATA);
    assertEquals(
        "stored run state is tenant 1, namespace 1, run run-9, but tenant 1, namespace 1, run run-2 was requested",
        e.getMessage());
  }

  @Test
  void bundleThatIsNotJsonIsInvalidRunData() {
    store(bundle.substring(0, 100));

    RunpackException e = exportFails(ErrorCode.INVALID_RUN_DATA);
    assertTrue(
        e.getMessage().startsWith("run bundle 1/1/run-2.json: unterminated string at byte "),
        e.getMessage());
  }

  @Test
  void bundleWithoutStateIsInvalidRunData() {
    store("{\"spec\":{}}");

    assertEquals(
        "run bundle 1/1/run-2.json: bundle.state is missing",
        exportFails(ErrorCode.INVALID_RUN_DATA).getMessage());
  }

  @Test
  void bundleWithALogThatIsNotAListIsInvalidRunData() {
    store(bundle.replace("\"submissions\": [],", "\"submissions\": {},"));

    assertEquals(
        "run bundle 1/1/run-2.json: bundle.state.submissions must be an array, not object",
        exportFails(ErrorCode.INVALID_RUN_DATA).getMessage());
  }

  @Test
  void bundleWithDuplicateKeysIsInvalidRunData() {
    store(bundle.replace("\"seq\": 1,", "\"seq\": 1, \"seq\": 7,"));

    RunpackException e = exportFails(ErrorCode.INVALID_RUN_DATA);
    assertTrue(
        e.getMessage().startsWith("run bundle 1/1/run-2.json: duplicate key \"seq\" at byte "),
        e.getMessage());
  }

  @Test
  void loneSurrogateInALogIsInvalidRunData() {
    store(bundle.replace("\"source_id\": \"system-tests\"", "\"source_id\": \"\\ud800\""));

    RunpackException e = exportFails(ErrorCode.INVALID_RUN_DATA);
    assertTrue(
        e.getMessage()
            .startsWith(
                "run bundle 1/1/run-2.json: string contains a lone surrogate U+D800 at byte "),
        e.getMessage());
  }

  @Test
  void numberOverflowingADoubleIsInvalidRunData() {
    store(bundle.replace("\"seq\": 2", "\"seq\": 2e999"));

    RunpackException e = exportFails(ErrorCode.INVALID_RUN_DATA);
    assertTrue(
        e.getMessage()
            .startsWith("run bundle 1/1/run-2.json: number 2e999 overflows a double at byte "),
        e.getMessage());
  }

  @Test
  void artifactOver16MiBIsRefusedBeforeAnythingIsWritten() {
    String payload = "x".repeat(1 << 20);
    StringBuilder calls = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      calls.append(i == 0 ? "" : ",").append("{\"call_id\":\"").append(payload).append("\"}");
    }
    store(bundle.replaceFirst("\"tool_calls\": \\[", "\"tool_calls\": [" + calls + ","));

    assertEquals(
        "artifacts/tool_calls.json: canonical JSON exceeds the limit of 16777216 bytes",
        exportFails(ErrorCode.LIMIT_EXCEEDED).getMessage());
  }

  @Test
  void logWhoseCanonicalBytesPassTheLimitIsRefusedByTheLoadAsTheExportWould() {
    // 4 MiB of text, 19 MiB canonical: each 1e20 is written out as 100000000000000000000
    StringBuilder numbers = new StringBuilder();
    for (int i = 0; i < 900_000; i++) {
      numbers.append("1e20,");
    }
    store(bundle.replaceFirst("\"triggers\": \\[", "\"triggers\": [" + numbers));
    FileSystemRunStore runs = new FileSystemRunStore(temp.resolve("store"), LocalRunpack.CODEC);

    RunpackException e =
        assertThrows(RunpackException.class, () -> runs.loadRun(new RunKey(1, 1, "run-2")));

    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    assertEquals(
        "artifacts/triggers.json: canonical JSON exceeds the limit of 16777216 bytes",
        e.getMessage());
    assertEquals(e.getMessage(), exportFails(ErrorCode.LIMIT_EXCEEDED).getMessage());
  }

  @Test
  void specWhoseMembersTogetherPassTheLimitIsRefusedByTheLoadAsTheExportWould() {
    // two members of 9.5 MiB canonical each (2 MiB of text each): the spec is over 16 MiB
    String numbers = "1e20,".repeat(450_000) + "0";
    store(
        bundle.replaceFirst(
            "\"spec\": \\{", "\"spec\": {\"a\": [" + numbers + "], \"b\": [" + numbers + "],"));
    FileSystemRunStore runs = new FileSystemRunStore(temp.resolve("store"), LocalRunpack.CODEC);

    RunpackException e =
        assertThrows(RunpackException.class, () -> runs.loadRun(new RunKey(1, 1, "run-2")));

    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    assertEquals(
        "artifacts/scenario_spec.json: canonical JSON exceeds the limit of 16777216 bytes",
        e.getMessage());
    assertEquals(e.getMessage(), exportFails(ErrorCode.LIMIT_EXCEEDED).getMessage());
  }

  @Test
  void stateMembersThatAreNoLogAreHeldToOneArtifactsLimitTogether() {
    // two members the export writes nowhere, 9.5 MiB canonical each (2 MiB of text each)
    String numbers = "1e20,".repeat(450_000) + "0";
    store(
        bundle.replaceFirst(
            "\"state\": \\{", "\"state\": {\"a\": [" + numbers + "], \"b\": [" + numbers + "],"));
    FileSystemRunStore runs = new FileSystemRunStore(temp.resolve("store"), LocalRunpack.CODEC);

    RunpackException e =
        assertThrows(RunpackException.class, () -> runs.loadRun(new RunKey(1, 1, "run-2")));

    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    assertEquals(
        "run bundle "
            + BUNDLE_PATH
            + ": the members that are no artifact (of the state but its logs, of the bundle but its"
            + " spec and state) take more than 16777216 bytes of canonical JSON together, the"
            + " limit",
        e.getMessage());
  }

  private void store(String text) {
    Fixtures.write(
        temp.resolve("store").resolve(BUNDLE_PATH), text.getBytes(StandardCharsets.UTF_8));
  }

  private RunpackException exportFails(ErrorCode code) {
    LocalRunpack local = new LocalRunpack(temp.resolve("store"), ExportSettings.NONE);
    Path out = temp.resolve("out");
    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> local.export(LocalRunpack.request(Fixtures.request(LABEL), out)));
    assertEquals(code, e.code(), e.getMessage());
    assertFalse(Files.exists(out), "nothing written");
    return e;
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Decision Gate's form of {@code export} ({@code --spec --state --output-dir}), run as a process:
 * the reference runs give the reference runpacks byte for byte, and it prints Decision Gate's
 * lines.
 */
class DecisionGateExportIT {

  static final java.util.List<String> LABELS = Fixtures.LABELS;
  static final long MILLIS = 1_764_547_200_000L;

  @TempDir Path temp;

  @ParameterizedTest
  @FieldSource("LABELS")
  void specAndStateFilesGiveTheReferenceRunpackWithoutSecurityContext(String label) {
    DecisionGateFiles.writeSpecAndState(label, temp);

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--spec",
            "spec.json",
            "--state",
            "state.json",
            "--output-dir",
            "out",
            "--with-verification",
            "--generated-at-unix-ms",
            Long.toString(MILLIS));

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr());
    assertEquals(
        "Verification status: pass\nRunpack manifest written to out/runpack.json\n", result.out());
    Map<String, byte[]> expected = new HashMap<>(Fixtures.readTree(Fixtures.golden(label)));
    expected.remove("manifest.json");
    expected.put("runpack.json", DecisionGateFiles.referenceManifest(label, MILLIS));
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("out"));
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  @Test
  void withoutVerificationOnlyTheManifestLineIsPrintedUnderTheGivenName() {
    String label = "golden_time_after_pass";
    DecisionGateFiles.writeSpecAndState(label, temp);

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--spec",
            "spec.json",
            "--state",
            "state.json",
            "--output-dir",
            "out/",
            "--manifest-name",
            "run-1.json",
            "--generated-at-unix-ms",
            "-5");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("Runpack manifest written to out/run-1.json\n", result.out());
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("out"));
    Map<String, byte[]> golden = Fixtures.readTree(Fixtures.golden(label));
    assertFalse(actual.containsKey("artifacts/verifier_report.json"));
    assertEquals(8, actual.size(), actual.keySet().toString());
    actual.forEach(
        (path, bytes) -> {
          if (!path.equals("run-1.json")) {
            assertArrayEquals(golden.get(path), bytes, path);
          }
        });
    String manifest = new String(actual.get("run-1.json"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(manifest.contains("\"generated_at\":{\"kind\":\"unix_millis\",\"value\":-5}"));
    assertFalse(manifest.contains("security"));
  }

  @Test
  void generatedAtIsTheCurrentTimeWhenNotGiven() {
    DecisionGateFiles.writeSpecAndState("golden_visibility_packet", temp);
    long before = System.currentTimeMillis();

    CliProcess.Result result =
        CliProcess.run(
            temp, "export", "--spec", "spec.json", "--state", "state.json", "--output-dir", "out");

    long after = System.currentTimeMillis();
    assertEquals(0, result.exitCode(), result.stderr());
    JsonFields generatedAt =
        JsonFields.of(
                LocalRunpack.json(Fixtures.read(temp.resolve("out/runpack.json"))),
                "manifest",
                ErrorCode.INVALID_MANIFEST)
            .object("generated_at");
    assertEquals("unix_millis", generatedAt.string("kind"));
    long written = generatedAt.int64("value");
    assertTrue(before <= written && written <= after, before + " <= " + written + " <= " + after);
  }

  @Test
  void specThatIsNotTheOneTheStateRecordsWritesNothing() throws Exception {
    DecisionGateFiles.writeSpecAndState("golden_time_after_pass", temp);
    Path spec = temp.resolve("spec.json");
    Files.writeString(
        spec, Files.readString(spec).replace("\"expected\":true", "\"expected\":false"));

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--spec",
            "spec.json",
            "--state",
            "state.json",
            "--output-dir",
            "out",
            "--generated-at-unix-ms",
            "1");

    result.assertFailureStartingWith(
        3,
        "spec_hash_mismatch",
        "run state spec hash mismatch: the run state records 5e2f158f4b4192a2");
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void stateThatIsNotARunStateIsInvalidInputNamingTheFile() {
    DecisionGateFiles.writeSpecAndState("golden_time_after_pass", temp);
    Fixtures.write(
        temp.resolve("state.json"), "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    CliProcess.run(
            temp, "export", "--spec", "spec.json", "--state", "state.json", "--output-dir", "out")
        .assertFailure(2, "invalid_run_data", "state file: state must be an object, not array");
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void standardInputIsReadForOneFileOnlyAndTheSecondIsToldSo() throws Exception {
    DecisionGateFiles.writeSpecAndState("golden_time_after_pass", temp);

    CliProcess.run(
            temp,
            Files.readAllBytes(temp.resolve("spec.json")),
            "export",
            "--spec",
            "-",
            "--state",
            "-",
            "--output-dir",
            "out")
        .assertFailure(
            2,
            "invalid_request",
            "cannot read state file from standard input: it is the spec file's; give the state"
                + " file as a file");
    assertFalse(Files.exists(temp.resolve("out")));
  }
}

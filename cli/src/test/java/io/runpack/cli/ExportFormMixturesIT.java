package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.runpack.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} is either Runpack's form ({@code --request}) or Decision Gate's ({@code --spec}
 * and {@code --state}); a mixture, or a form without what it needs, is refused before anything is
 * read or written: {@code invalid_request}, exit 2, naming the option.
 */
class ExportFormMixturesIT {

  @TempDir Path temp;

  @BeforeEach
  void writeRun() {
    DecisionGateFiles.writeSpecAndState("golden_time_after_pass", temp);
  }

  private void refused(String message, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "export";
    System.arraycopy(args, 0, command, 1, args.length);
    CliProcess.run(temp, command).assertFailure(2, "invalid_request", message);
    assertFalse(Files.exists(temp.resolve("out")), "nothing written");
  }

  private static String request() {
    return Fixtures.request("golden_time_after_pass").toString();
  }

  @Test
  void requestWithSpecAndStateIsRefused() {
    refused(
        "--request cannot be combined with --spec/--state: give either --request (Runpack's"
            + " form) or --spec and --state (Decision Gate's form)",
        "--request",
        request(),
        "--spec",
        "spec.json",
        "--state",
        "state.json",
        "--output-dir",
        "out");
  }

  @Test
  void specWithoutStateIsRefused() {
    refused(
        "--spec needs --state (Decision Gate's form)",
        "--spec",
        "spec.json",
        "--output-dir",
        "out");
  }

  @Test
  void stateWithoutSpecIsRefused() {
    refused(
        "--state needs --spec (Decision Gate's form)",
        "--state",
        "state.json",
        "--output-dir",
        "out");
  }

  @Test
  void decisionGateFormWithoutOutputDirIsRefused() {
    refused(
        "--spec/--state needs --output-dir (Decision Gate's form)",
        "--spec",
        "spec.json",
        "--state",
        "state.json");
  }

  @Test
  void decisionGateFormWithARunStoreIsRefused() {
    refused(
        "--runs is not used with --spec/--state (Decision Gate's form)",
        "--spec",
        "spec.json",
        "--state",
        "state.json",
        "--output-dir",
        "out",
        "--runs",
        "runs");
  }

  @Test
  void decisionGateFormWithASecurityContextIsRefused() {
    refused(
        "--namespace-authority is not used with --spec/--state (Decision Gate's form)",
        "--spec",
        "spec.json",
        "--state",
        "state.json",
        "--output-dir",
        "out",
        "--namespace-authority",
        "dg_registry");
  }

  @Test
  void decisionGateFormToABucketIsRefused() {
    refused(
        "--bucket is not used with --spec/--state (Decision Gate's form)",
        "--spec",
        "spec.json",
        "--state",
        "state.json",
        "--bucket",
        "runpacks");
  }

  @Test
  void requestWithManifestNameIsRefused() {
    refused(
        "--manifest-name is only for Decision Gate's form (--spec/--state), not --request",
        "--request",
        request(),
        "--output-dir",
        "out",
        "--manifest-name",
        "m.json");
  }

  @Test
  void requestWithVerificationFlagIsRefused() {
    refused(
        "--with-verification is only for Decision Gate's form (--spec/--state), not --request",
        "--request",
        request(),
        "--output-dir",
        "out",
        "--with-verification");
  }

  @Test
  void requestWithGeneratedAtIsRefused() {
    refused(
        "--generated-at-unix-ms is only for Decision Gate's form (--spec/--state), not --request",
        "--request",
        request(),
        "--output-dir",
        "out",
        "--generated-at-unix-ms",
        "1");
  }

  @Test
  void neitherFormIsRefused() {
    refused(
        "export needs --request FILE (Runpack's form) or --spec FILE --state FILE --output-dir"
            + " DIR (Decision Gate's form)",
        "--output-dir",
        "out");
  }
}

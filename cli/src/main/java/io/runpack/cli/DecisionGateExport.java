package io.runpack.cli;

import io.runpack.adapters.filesystem.ExistingRunpack;
import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.filesystem.SpecAndStateFiles;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunState;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Timestamp;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.domain.spec.ScenarioSpecRules;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Decision Gate's form of {@code export} (FORMAT §6): {@code --spec FILE --state FILE --output-dir
 * DIR}. The spec is checked by Decision Gate's rules first; the run is exported by the same service
 * and filesystem storage as Runpack's own form, without a security context, under {@code
 * runpack.json} by default; it prints Decision Gate's lines instead of the tool output.
 *
 * <p>The only clock Runpack reads is here: {@code generated_at} is the current time when {@code
 * --generated-at-unix-ms} is not given, as Decision Gate's CLI does.
 */
final class DecisionGateExport {

  static final String DEFAULT_MANIFEST_NAME = "runpack.json";

  /** The options of this form, mixed into {@code export}. */
  static final class Options {
    @Option(
        names = "--spec",
        paramLabel = "FILE",
        description = "Decision Gate's form: the scenario spec (JSON).")
    String spec;

    @Option(
        names = "--state",
        paramLabel = "FILE",
        description = "Decision Gate's form: the run state (JSON), holding the run's logs.")
    String state;

    @Option(
        names = "--manifest-name",
        paramLabel = "NAME",
        description = "Decision Gate's form: the manifest's name (default: runpack.json).")
    String manifestName;

    @Option(
        names = "--with-verification",
        description = "Decision Gate's form: verify the runpack and add the verifier report.")
    boolean withVerification;

    @Option(
        names = "--generated-at-unix-ms",
        paramLabel = "MS",
        description = "Decision Gate's form: generated_at in unix milliseconds (default: now).")
    Long generatedAtUnixMs;

    boolean given() {
      return spec != null || state != null;
    }

    /** The first option of this form that is given, for refusing it in the other form. */
    Optional<String> firstOwnOption() {
      if (manifestName != null) {
        return Optional.of("--manifest-name");
      }
      if (withVerification) {
        return Optional.of("--with-verification");
      }
      return generatedAtUnixMs == null ? Optional.empty() : Optional.of("--generated-at-unix-ms");
    }
  }

  private DecisionGateExport() {}

  static int run(Options options, String outputDir, boolean replace, Console console) {
    RunpackPath manifestName =
        Failures.manifestName(
            options.manifestName == null ? DEFAULT_MANIFEST_NAME : options.manifestName);
    long generatedAt =
        options.generatedAtUnixMs != null
            ? options.generatedAtUnixMs
            : System.currentTimeMillis(); // Runpack's one clock read (FORMAT §6)
    byte[] spec = Inputs.read(options.spec, Limits.MAX_ARTIFACT_BYTES, console, "spec file");
    byte[] state = Inputs.read(options.state, Limits.MAX_RUN_BYTES, console, "state file");
    JacksonJsonCodec codec = new JacksonJsonCodec();
    LoadedRun run;
    ExportRunpackCommand command;
    try {
      run = SpecAndStateFiles.read(spec, state, codec);
      ScenarioSpecRules.check(run.spec());
      RunState runState = run.state();
      command =
          new ExportRunpackCommand(
              runState.tenantId(),
              runState.namespaceId(),
              runState.scenarioId(),
              runState.runId(),
              Timestamp.unixMillis(generatedAt),
              options.withVerification,
              manifestName,
              Optional.of(outputDir));
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
    FileSystemRunpackStorage storage =
        new FileSystemRunpackStorage(
            Optional.empty(),
            replace ? ExistingRunpack.REPLACE : ExistingRunpack.REFUSE,
            Stream.of(options.spec, options.state).flatMap(f -> Inputs.file(f).stream()).toList(),
            CommitPause.fromSystemProperty());
    ExportResult result =
        new ExportRunpackService(key -> run, storage, codec, ExportSettings.NONE).export(command);
    StringBuilder lines = new StringBuilder();
    result
        .report()
        .ifPresent(
            report -> lines.append("Verification status: ").append(report.status()).append('\n'));
    lines
        .append("Runpack manifest written to ")
        .append(joined(outputDir, manifestName.value()))
        .append('\n');
    console.printText(lines.toString());
    return 0;
  }

  /** {@code dir} joined with {@code name} as Decision Gate prints it (one separator between). */
  static String joined(String dir, String name) {
    if (dir.isEmpty()) {
      return name;
    }
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }
}

package io.runpack.cli;

import io.runpack.adapters.filesystem.FileSystemRunStore;
import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.json.JsonLimits;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code runpack export}: the runpack_export tool on a laptop. The run comes from a filesystem run
 * store, the runpack goes to a directory, the tool output is printed on stdout.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export one run as a runpack, from a filesystem run store into a directory.",
      "Prints the runpack_export output {\"manifest\":…,\"report\":…,\"storage_uri\":…} as canonical JSON."
    })
final class ExportCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Option(
      names = "--request",
      required = true,
      paramLabel = "FILE",
      description = "The runpack_export input (JSON); '-' reads standard input.")
  String request;

  @Option(
      names = "--runs",
      paramLabel = "DIR",
      defaultValue = "runs",
      description =
          "Run store: bundles at DIR/<tenant_id>/<namespace_id>/<run_id>.json (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description = "Write the runpack here instead of the request's output_dir.")
  String outputDir;

  @Option(
      names = "--namespace-authority",
      paramLabel = "LABEL",
      description = "Record this namespace authority in the manifest's security context.")
  String namespaceAuthority;

  @Option(
      names = "--dev-permissive",
      description =
          "Record dev_permissive: true in the manifest's security context (needs --namespace-authority).")
  boolean devPermissive;

  @Override
  public Integer call() {
    Console console = parent.console;
    ExportRunpackCommand command = readRequest(console);
    JacksonJsonCodec codec = new JacksonJsonCodec();
    ExportRunpackService exporter =
        new ExportRunpackService(
            new FileSystemRunStore(runs, codec),
            new FileSystemRunpackStorage(Optional.empty()),
            codec,
            settings());
    ExportResult result = exporter.export(command);
    console.printJson(result.toJson());
    return 0;
  }

  private ExportRunpackCommand readRequest(Console console) {
    byte[] bytes = Inputs.read(request, Inputs.MAX_REQUEST_BYTES, console, "request");
    try {
      JacksonJsonCodec requestCodec =
          new JacksonJsonCodec(JsonLimits.DEFAULTS.withMaxDocumentBytes(Inputs.MAX_REQUEST_BYTES));
      ExportRunpackCommand command = ExportRunpackCommand.fromJson(requestCodec.decode(bytes));
      return outputDir == null ? command : command.withOutputDir(outputDir);
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
  }

  private ExportSettings settings() {
    if (namespaceAuthority == null) {
      if (devPermissive) {
        throw Failures.invalidInput(
            ErrorCode.INVALID_REQUEST, "--dev-permissive needs --namespace-authority");
      }
      return ExportSettings.NONE;
    }
    return new ExportSettings(
        Optional.of(new SecurityContext(devPermissive, namespaceAuthority)), Optional.empty());
  }
}

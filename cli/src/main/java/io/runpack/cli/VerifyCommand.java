package io.runpack.cli;

import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.out.RunpackReader;
import io.runpack.domain.service.VerifyRunpackService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code runpack verify}: Decision Gate's offline verification of a runpack directory. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a runpack offline: every file's SHA-256, the root hash, the decision log and evidence anchors.",
      "Exit 0 when it passes, 1 when it fails."
    })
final class VerifyCommand implements Callable<Integer> {

  /** Output formats of the report. */
  enum Format { json, text }

  @ParentCommand RunpackCommand parent;

  @Parameters(index = "0", paramLabel = "DIR", description = "The runpack directory.")
  String location;

  @Option(names = "--manifest", paramLabel = "NAME", defaultValue = "manifest.json",
      description = "Manifest file name inside the runpack (default: ${DEFAULT-VALUE}).")
  String manifest;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (the report as canonical JSON) or text (a summary) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    RunpackPath manifestName;
    try {
      manifestName = RunpackPath.of(manifest);
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
    VerificationReport report =
        new VerifyRunpackService(new JacksonJsonCodec()).verify(new VerifyRunpackCommand(reader(), manifestName));
    if (format == Format.json) {
      parent.console.printJson(report.toJson());
    } else {
      parent.console.printText(TextReport.of(report));
    }
    return report.passed() ? 0 : 1;
  }

  private RunpackReader reader() {
    if (location.startsWith("s3://")) {
      throw Failures.invalidInput(ErrorCode.INVALID_REQUEST, "S3 runpacks are not supported by this build");
    }
    return new FileSystemRunpackReader(Path.of(location));
  }
}

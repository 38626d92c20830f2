package io.runpack.cli;

import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.s3.S3RunpackReader;
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

/** {@code runpack verify}: Decision Gate's offline verification of a runpack, on disk or in S3. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a runpack offline: every file's SHA-256, the root hash, the decision log and evidence anchors.",
      "Exit 0 when it passes, 1 when it fails."
    })
final class VerifyCommand implements Callable<Integer> {

  /** Output formats of the report. */
  enum Format {
    json,
    text
  }

  @ParentCommand RunpackCommand parent;

  @Parameters(
      index = "0",
      paramLabel = "DIR|s3://BUCKET/PREFIX/",
      description =
          "The runpack: a directory, or an S3 prefix (verified in place from S3's stored checksums).")
  String location;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "S3 endpoint, overriding the SDK's configuration (AWS_ENDPOINT_URL_S3).")
  String endpoint;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "AWS region (default: the SDK's default chain).")
  String region;

  @Option(
      names = "--manifest",
      paramLabel = "NAME",
      defaultValue = "manifest.json",
      description = "Manifest file name inside the runpack (default: ${DEFAULT-VALUE}).")
  String manifest;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description =
          "json (the report as canonical JSON) or text (a summary) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    RunpackPath manifestName;
    try {
      manifestName = RunpackPath.of(manifest);
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
    VerificationReport report;
    if (location.startsWith("s3://")) {
      try (AwsClients aws = new AwsClients(endpoint, region)) {
        report = verify(S3RunpackReader.at(aws.s3(), location), manifestName);
      } catch (RunpackException e) {
        throw e.code() == ErrorCode.INVALID_REQUEST ? new Failures.InvalidInput(e) : e;
      }
    } else {
      report = verify(new FileSystemRunpackReader(Path.of(location)), manifestName);
    }
    if (format == Format.json) {
      parent.console.printJson(report.toJson());
    } else {
      parent.console.printText(TextReport.of(report));
    }
    return report.passed() ? 0 : 1;
  }

  private static VerificationReport verify(RunpackReader reader, RunpackPath manifestName) {
    return new VerifyRunpackService(new JacksonJsonCodec())
        .verify(new VerifyRunpackCommand(reader, manifestName));
  }
}

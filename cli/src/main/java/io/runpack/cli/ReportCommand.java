package io.runpack.cli;

import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.s3.S3RunpackReader;
import io.runpack.cli.report.HtmlPage;
import io.runpack.cli.report.RunpackReport;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code runpack report}: verifies a runpack (on disk or in S3, read as {@code runpack verify}
 * reads it) and writes one self-contained HTML page of it for a person: the verdict, the run, every
 * file with its check and the run as a timeline; with {@code --public-key}, the manifest's
 * signature checked as verify checks it. Prints the verdict as {@code verify --format text} does
 * (its last line the signature's); exits as verify does (0 pass, 1 fail), and writes the page in
 * both cases. A runpack whose manifest cannot be read fails as verify fails, and writes nothing.
 */
@Command(
    name = "report",
    description = {
      "Verify a runpack and write a self-contained HTML page of it (verdict, run, files, timeline).",
      "With --public-key, also check the manifest's signature (<manifest>.sig) with that key.",
      "Exit 0 when it passes, 1 when it fails; the page is written in both cases."
    })
final class ReportCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Parameters(
      index = "0",
      paramLabel = "DIR|s3://BUCKET/PREFIX/",
      description = "The runpack: a directory, or an S3 prefix.")
  String location;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      required = true,
      description = "The page to write (replaced whole; never left half-written).")
  String html;

  @Option(
      names = "--manifest",
      paramLabel = "NAME",
      defaultValue = "manifest.json",
      description = "Manifest file name inside the runpack (default: ${DEFAULT-VALUE}).")
  String manifest;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description =
          "Trusted public key (as for verify): the manifest's signature must verify with it, and"
              + " the page says so.")
  String publicKey;

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

  @Override
  public Integer call() {
    AwsClients.requireS3For(location, endpoint, region);
    RunpackPath manifestName = Failures.manifestName(manifest);
    Optional<VerificationKey> key =
        Optional.ofNullable(publicKey).map(file -> KeyFiles.publicKey(file, parent.console));
    WholeFile page =
        WholeFile.at(html, "--html", location.startsWith("s3://") ? null : directory());
    RunpackReport report;
    if (location.startsWith("s3://")) {
      try (AwsClients aws = new AwsClients(endpoint, region)) {
        S3RunpackReader reader = S3RunpackReader.at(aws.s3(), location);
        report =
            RunpackReport.of(
                location,
                new VerifyRunpackCommand(reader, manifestName, reader.runNamedByPrefix()),
                new JacksonJsonCodec(),
                key);
      } catch (RunpackException e) {
        throw Failures.asInput(e);
      }
    } else {
      try (FileSystemRunpackReader reader = new FileSystemRunpackReader(directory())) {
        report =
            RunpackReport.of(
                location,
                new VerifyRunpackCommand(reader, manifestName),
                new JacksonJsonCodec(),
                key);
      }
    }
    page.write(HtmlPage.render(report).getBytes(StandardCharsets.UTF_8));
    parent.console.printText(
        TextReport.of(report.verification())
            + TextReport.signatureLine(
                report.keyGiven() ? Optional.of(report.signature()) : Optional.empty()));
    return report.verification().passed() ? 0 : 1;
  }

  private Path directory() {
    try {
      return Path.of(location);
    } catch (InvalidPathException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "not a usable directory name: " + e.getMessage());
    }
  }
}

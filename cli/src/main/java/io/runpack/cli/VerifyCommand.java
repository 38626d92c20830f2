package io.runpack.cli;

import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.s3.S3RunpackReader;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.SignedVerification;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.domain.service.VerifySignedRunpackService;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code runpack verify}: Decision Gate's offline verification of a runpack, on disk or in S3. With
 * {@code --public-key}, the manifest's detached signature must also be that key's signature of the
 * manifest's exact bytes (a missing, garbled, other key's or stale signature is one more error and
 * a {@code signature} member in the report); without it, the output is exactly Decision Gate's.
 */
@Command(
    name = "verify",
    description = {
      "Verify a runpack offline: every file's SHA-256, the root hash, the decision log and evidence anchors.",
      "With --public-key, also check the manifest's signature (<manifest>.sig) with that key.",
      "Exit 0 when it passes, 1 when it fails."
    })
final class VerifyCommand implements Callable<Integer> {

  /** Output formats of the report. */
  enum Format {
    json,
    text,
    markdown
  }

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR|s3://BUCKET/PREFIX/",
      description =
          "The runpack: a directory, or an S3 prefix (verified in place from S3's stored checksums)."
              + " Without it, --manifest is the manifest's path (Decision Gate's form).")
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
      paramLabel = "NAME|PATH",
      description =
          "With DIR: the manifest's name inside the runpack (default: manifest.json). Without DIR"
              + " (Decision Gate's form): the manifest's path.")
  String manifest;

  @Option(
      names = "--runpack-dir",
      paramLabel = "DIR",
      description =
          "Decision Gate's form: the runpack directory (default: the manifest's directory).")
  String runpackDir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description =
          "json (the report as canonical JSON), markdown (Decision Gate's) or text (a summary)"
              + " (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description =
          "Trusted public key (SPKI PEM: Ed25519, or ECDSA P-256 from KMS GetPublicKey; or an"
              + " Ed25519 key's 32 bytes, raw or base64): the manifest's signature must verify"
              + " with it.")
  String publicKey;

  @Option(
      names = "--signature-out",
      paramLabel = "PATH",
      description =
          "Sign the exact bytes this command prints and write the signature record here (as"
              + " Decision Gate's CLI does); needs --signing-key.")
  String signatureOut;

  @Option(
      names = "--signing-key",
      paramLabel = "KEY",
      description =
          "With --signature-out: the Ed25519 key (a 32-byte seed, raw or base64, or PKCS#8 PEM).")
  String signingKey;

  /** Where {@code --signature-out} writes, checked before verifying. */
  private WholeFile signatureFile;

  @Override
  public Integer call() {
    ManifestLocation where = ManifestLocation.of(location, manifest, runpackDir);
    OutputSignature.requirePair(signatureOut, signingKey);
    signatureFile =
        signatureOut == null
            ? null
            : WholeFile.at(
                signatureOut,
                "--signature-out",
                where.location().startsWith("s3://") ? null : where.directory());
    if (format == Format.markdown && publicKey != null) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          "--format markdown is Decision Gate's report, which has no signature: use json or text"
              + " with --public-key");
    }
    AwsClients.requireS3For(where.location(), endpoint, region);
    RunpackPath manifestName = where.manifestName();
    Optional<VerificationKey> key =
        Optional.ofNullable(publicKey).map(file -> KeyFiles.publicKey(file, parent.console));
    if (where.location().startsWith("s3://")) {
      try (AwsClients aws = new AwsClients(endpoint, region)) {
        S3RunpackReader reader = S3RunpackReader.at(aws.s3(), where.location());
        return verify(
            new VerifyRunpackCommand(reader, manifestName, reader.runNamedByPrefix()), key);
      } catch (RunpackException e) {
        throw Failures.asInput(e);
      }
    }
    try (FileSystemRunpackReader reader = new FileSystemRunpackReader(where.directory())) {
      return verify(new VerifyRunpackCommand(reader, manifestName), key);
    }
  }

  private int verify(VerifyRunpackCommand command, Optional<VerificationKey> key) {
    if (key.isEmpty()) {
      VerificationReport report = new VerifyRunpackService(new JacksonJsonCodec()).verify(command);
      print(
          switch (format) {
            case json -> jsonLine(report.toJson());
            case markdown -> utf8(MarkdownReport.of(report));
            case text -> utf8(TextReport.of(report) + TextReport.signatureLine(Optional.empty()));
          });
      return report.passed() ? 0 : 1;
    }
    SignedVerification result =
        new VerifySignedRunpackService(new JacksonJsonCodec()).verify(command, key);
    if (format == Format.json) {
      print(jsonLine(result.toJson()));
    } else {
      print(
          utf8(
              TextReport.of(result.report())
                  + TextReport.signatureLine(Optional.of(result.signature()))));
    }
    return result.report().passed() ? 0 : 1;
  }

  /** Prints the output, after writing its signature when one is asked for. */
  private void print(byte[] output) {
    if (signatureFile != null) {
      OutputSignature.write(output, signingKey, signatureFile, parent.console);
    }
    parent.console.printBytes(output);
  }

  private static byte[] jsonLine(JsonValue value) {
    byte[] json = RunpackJson.toBytes(value);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

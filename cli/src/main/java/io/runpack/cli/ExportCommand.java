package io.runpack.cli;

import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.filesystem.ExistingRunpack;
import io.runpack.adapters.filesystem.FileSystemRunStore;
import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.adapters.s3.S3RunpackStorage;
import io.runpack.adapters.s3.S3Settings;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.SecurityContext;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.out.LoadRunPort;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code runpack export}: the runpack_export tool from the command line. The run comes from a
 * filesystem run store or the DynamoDB run-log table, the runpack goes to a directory or to S3
 * (through the same adapters as the Lambda function), and the tool output is printed on stdout. A
 * directory export is moved into place whole: an output directory holding another runpack is a
 * conflict unless {@code --replace}.
 */
@Command(
    name = "export",
    description = {
      "Export one run as a runpack: from a filesystem run store (--runs) or the DynamoDB run-log"
          + " table (--table), into a directory or an S3 bucket (--bucket).",
      "Decision Gate's form: --spec FILE --state FILE --output-dir DIR [--manifest-name NAME]"
          + " [--with-verification] [--generated-at-unix-ms MS] (prints Decision Gate's lines).",
      "Prints the runpack_export output {\"manifest\":…,\"report\":…,\"storage_uri\":…} as"
          + " canonical JSON.",
      "AWS endpoints, region and credentials come from the AWS SDK's standard configuration"
          + " (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3, AWS_REGION, profiles)."
    })
final class ExportCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Option(
      names = "--request",
      paramLabel = "FILE",
      description = "The runpack_export input (JSON); '-' reads standard input.")
  String request;

  @Mixin DecisionGateExport.Options decisionGate = new DecisionGateExport.Options();

  @ArgGroup(exclusive = true)
  Source source = new Source();

  static final class Source {
    @Option(
        names = "--runs",
        paramLabel = "DIR",
        description =
            "Run store: bundles at DIR/<tenant_id>/<namespace_id>/<run_id>.json (default: runs).")
    Path runs;

    @Option(names = "--table", paramLabel = "NAME", description = "The DynamoDB run-log table.")
    String table;
  }

  @ArgGroup(exclusive = true)
  Target target = new Target();

  static final class Target {
    @Option(
        names = "--output-dir",
        paramLabel = "DIR",
        description = "Write the runpack here instead of the request's output_dir.")
    String outputDir;

    @Option(
        names = "--bucket",
        paramLabel = "NAME",
        description = "Write the runpack to this S3 bucket (output_dir is then not used).")
    String bucket;
  }

  @Option(
      names = "--root-prefix",
      paramLabel = "P",
      description = "With --bucket: a key prefix before the runpack's own.")
  String rootPrefix;

  @Option(
      names = "--write-once",
      description =
          "With --bucket: conditional writes; a re-export of identical bytes succeeds, other bytes"
              + " under a key are a conflict.")
  boolean writeOnce;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "AWS region (default: the SDK's default chain).")
  String region;

  @Option(
      names = "--replace",
      description = {
        "If the output directory already holds another runpack, replace it: the new one is staged"
            + " beside it, the old one renamed aside, the new one renamed in, and only then the old"
            + " one deleted. Only a runpack is replaced (directories and JSON files, with a"
            + " manifest), never one that holds this export's inputs. Without it, such an export"
            + " fails with conflict and changes nothing."
      })
  boolean replace;

  @Option(
      names = "--namespace-authority",
      paramLabel = "LABEL",
      description = "Record this namespace authority in the manifest's security context.")
  String namespaceAuthority;

  @Option(
      names = "--dev-permissive",
      description =
          "Record dev_permissive: true in the manifest's security context (needs"
              + " --namespace-authority).")
  boolean devPermissive;

  @Option(
      names = "--signing-key",
      paramLabel = "FILE",
      description =
          "Sign the manifest with this Ed25519 private key (PKCS#8 PEM from openssl genpkey, or a"
              + " 32-byte seed raw or base64): <manifest_name>.sig is written beside it.")
  String signingKey;

  @Override
  public Integer call() {
    Console console = parent.console;
    if (decisionGate.given()) {
      ExportForms.requireDecisionGateForm(this);
      return DecisionGateExport.run(decisionGate, target.outputDir, replace, console);
    }
    ExportForms.requireRequestForm(this);
    Optional<SignManifestPort> signer =
        Optional.ofNullable(signingKey).map(file -> KeyFiles.signer(file, console));
    ExportSettings settings = settings();
    requireBucketFor(rootPrefix != null, "--root-prefix");
    requireBucketFor(writeOnce, "--write-once");
    if (replace && target.bucket != null) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, "--replace is for an output directory, not --bucket");
    }
    ExportRunpackCommand command = readRequest(console);
    JacksonJsonCodec codec = new JacksonJsonCodec();
    try (AwsClients aws = new AwsClients(null, region)) {
      ExportResult result =
          new ExportRunpackService(store(codec, aws), sink(aws), codec, settings, signer)
              .export(command);
      console.printJson(result.toJson());
    }
    return 0;
  }

  private LoadRunPort store(JacksonJsonCodec codec, AwsClients aws) {
    if (source.table != null) {
      return new DynamoDbRunStore(aws.dynamoDb(), source.table, codec);
    }
    return new FileSystemRunStore(runStore(), codec);
  }

  private PublishRunpackPort sink(AwsClients aws) {
    if (target.bucket != null) {
      return new S3RunpackStorage(
          aws.s3(), new S3Settings(target.bucket, Optional.ofNullable(rootPrefix), writeOnce, 8));
    }
    return new FileSystemRunpackStorage(
        Optional.empty(),
        replace ? ExistingRunpack.REPLACE : ExistingRunpack.REFUSE,
        inputs(),
        CommitPause.fromSystemProperty());
  }

  private Path runStore() {
    return source.runs == null ? Path.of("runs") : source.runs;
  }

  /** What this export reads from the filesystem, which {@code --replace} never deletes. */
  private List<Path> inputs() {
    List<Path> inputs = new ArrayList<>();
    if (source.table == null) {
      inputs.add(runStore());
    }
    Inputs.file(request).ifPresent(inputs::add);
    Inputs.file(signingKey).ifPresent(inputs::add);
    return inputs;
  }

  private ExportRunpackCommand readRequest(Console console) {
    byte[] bytes = Inputs.readAtMost(request, Limits.MAX_REQUEST_BYTES + 1, console, "request");
    try {
      ExportRunpackCommand command = new ExportRequestParser().parse(bytes);
      return target.outputDir == null ? command : command.withOutputDir(target.outputDir);
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
  }

  private void requireBucketFor(boolean given, String option) {
    if (given && target.bucket == null) {
      throw Failures.invalidInput(ErrorCode.INVALID_REQUEST, option + " needs --bucket");
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

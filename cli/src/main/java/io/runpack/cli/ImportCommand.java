package io.runpack.cli;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code runpack import}: seeds the DynamoDB run-log table with run bundles. */
@Command(
    name = "import",
    description = {
      "Write run bundles {\"spec\":…,\"state\":…} into the DynamoDB run-log table.",
      "Prints one JSON line per bundle with what was written. A run already in the table is refused,"
          + " and so is a run an import of another bundle holds (in progress, or stopped unfinished):"
          + " importing a stopped import's own bundle again finishes it.",
      "AWS endpoint, region and credentials come from the AWS SDK's standard configuration"
          + " (AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION, profiles) unless --endpoint/--region say otherwise."
    })
final class ImportCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Option(
      names = "--table",
      required = true,
      paramLabel = "NAME",
      description = "The run-log table.")
  String table;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "DynamoDB endpoint, overriding the SDK's configuration.")
  String endpoint;

  @Option(
      names = "--create-table",
      description =
          "Create the run-log table first (on-demand) unless it exists: for local stacks and"
              + " sandboxes; deployed tables come from infra/.")
  boolean createTable;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "AWS region (default: the SDK's default chain).")
  String region;

  @Parameters(arity = "1..*", paramLabel = "BUNDLE", description = "Run bundle files.")
  List<String> bundles;

  @Override
  public Integer call() {
    JacksonJsonCodec codec = new JacksonJsonCodec();
    try (AwsClients aws = new AwsClients(endpoint, region)) {
      DynamoDbClient dynamoDb = aws.dynamoDb();
      if (createTable) {
        RunLogTable.create(dynamoDb, table);
      }
      DynamoDbRunImporter importer = new DynamoDbRunImporter(dynamoDb, table);
      for (String bundle : bundles) {
        LoadedRun run = readBundle(codec, bundle);
        DynamoDbRunImporter.Summary summary = importer.importRun(run);
        parent.console.printJson(
            JsonObject.builder()
                .put("bundle", bundle)
                .put("items", JsonNumber.of(summary.items()))
                .put("records", JsonNumber.of(summary.records()))
                .put("run", summary.runPk())
                .put("table", table)
                .build());
      }
    }
    return 0;
  }

  private LoadedRun readBundle(JacksonJsonCodec codec, String bundle) {
    byte[] bytes = Inputs.read(bundle, codec.limits().maxDocumentBytes(), parent.console, "bundle");
    try {
      return LoadedRun.fromBundle(codec.decode(bytes));
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e.withContext("bundle " + bundle));
    }
  }
}

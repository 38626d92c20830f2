package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.dynamodb.DynamoDbRunStore;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.s3.S3RunpackStorage;
import io.runpack.adapters.s3.S3Settings;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.localaws.LocalAwsStack;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code runpack import} and {@code runpack verify s3://…} as processes, against the local AWS
 * stack.
 */
class AwsCommandsIT {

  static final Map<String, String> CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID",
          "local",
          "AWS_SECRET_ACCESS_KEY",
          "local",
          "AWS_REGION",
          LocalAwsStack.REGION);

  static S3Client s3;
  static DynamoDbClient dynamoDb;

  @TempDir Path temp;

  @BeforeAll
  static void connect() {
    s3 = LocalAws.s3();
    dynamoDb = LocalAws.dynamoDb();
  }

  @Test
  void importThenExportToS3ReproducesTheReferenceBytesAndVerifiesInPlace() {
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    String bucket = LocalAws.newBucket(s3);

    CliProcess.Result imported =
        runpack(
            "import",
            "--table",
            table,
            "--endpoint",
            LocalAws.stack().dynamoDbEndpoint().toString(),
            Fixtures.runBundle("golden_time_after_pass").toString(),
            Fixtures.runBundle("golden_visibility_packet").toString());

    assertEquals(0, imported.exitCode(), imported.stderr());
    String[] lines = imported.out().split("\n");
    assertEquals(2, lines.length);
    assertEquals(
        "{\"bundle\":\""
            + Fixtures.runBundle("golden_time_after_pass")
            + "\",\"items\":6,\"records\":4,"
            + "\"run\":\"TENANT#1#NAMESPACE#1#RUN#run-1\",\"table\":\""
            + table
            + "\"}",
        lines[0]);

    for (String label : Fixtures.LABELS) {
      ExportResult result = exportToS3(table, bucket, label);
      String uri = result.storageUri().orElseThrow();
      String prefix = uri.substring(("s3://" + bucket + "/").length());
      Fixtures.readTree(Fixtures.golden(label))
          .forEach(
              (path, bytes) ->
                  assertArrayEquals(
                      bytes,
                      s3.getObjectAsBytes(r -> r.bucket(bucket).key(prefix + path)).asByteArray(),
                      path));

      CliProcess.Result verified =
          runpack("verify", uri, "--endpoint", LocalAws.stack().s3Endpoint().toString());
      assertEquals(0, verified.exitCode(), verified.stderr());
      assertEquals("{\"checked_files\":8,\"errors\":[],\"status\":\"pass\"}\n", verified.out());
    }
  }

  @Test
  void verifyInS3FailsOnATamperedObject() {
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    String bucket = LocalAws.newBucket(s3);
    runpack(
        "import",
        "--table",
        table,
        "--endpoint",
        LocalAws.stack().dynamoDbEndpoint().toString(),
        Fixtures.runBundle("golden_visibility_packet").toString());
    String uri = exportToS3(table, bucket, "golden_visibility_packet").storageUri().orElseThrow();
    String prefix = uri.substring(("s3://" + bucket + "/").length());
    s3.putObject(
        r -> r.bucket(bucket).key(prefix + "artifacts/decisions.json"),
        RequestBody.fromString("[]"));

    CliProcess.Result result =
        runpack(
            "verify",
            uri,
            "--endpoint",
            LocalAws.stack().s3Endpoint().toString(),
            "--format",
            "text");

    assertEquals(1, result.exitCode(), result.stderr());
    assertEquals(
        "runpack FAILED: 8 files checked, 1 error\n  - hash mismatch for artifacts/decisions.json\n"
            + "signature: not checked (no --public-key)\n",
        result.out());
  }

  @Test
  void importingARunTwiceIsAConflict() {
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    String bundle = Fixtures.runBundle("golden_visibility_packet").toString();
    String endpoint = LocalAws.stack().dynamoDbEndpoint().toString();
    runpack("import", "--table", table, "--endpoint", endpoint, bundle);

    runpack("import", "--table", table, "--endpoint", endpoint, bundle)
        .assertFailure(
            3, "conflict", "run TENANT#1#NAMESPACE#1#RUN#run-2 is already in table " + table);
  }

  @Test
  void invalidBundleIsInvalidInput() throws java.io.IOException {
    java.nio.file.Files.writeString(temp.resolve("b.json"), "{\"spec\":{}}");

    runpack(
            "import",
            "--table",
            "t",
            "--endpoint",
            LocalAws.stack().dynamoDbEndpoint().toString(),
            "b.json")
        .assertFailure(2, "invalid_run_data", "bundle b.json: bundle.state is missing");
  }

  @Test
  void unreachableServicesAreStorageErrors() {
    String nowhere = "http://127.0.0.1:" + LocalAwsStack.freePort();

    CliProcess.Result verify = runpack("verify", "s3://bucket/prefix/", "--endpoint", nowhere);
    CliProcess.Result imported =
        runpack(
            "import",
            "--table",
            "t",
            "--endpoint",
            nowhere,
            Fixtures.runBundle("golden_visibility_packet").toString());

    verify.assertFailureStartingWith(
        3, "storage_error", "cannot read manifest manifest.json: S3 GetObject failed: ");
    imported.assertFailureStartingWith(3, "storage_error", "DynamoDB PutItem on table t");
  }

  private CliProcess.Result runpack(String... args) {
    return CliProcess.run(temp, CREDENTIALS, new byte[0], args);
  }

  private static ExportResult exportToS3(String table, String bucket, String label) {
    try (S3RunpackStorage storage = new S3RunpackStorage(s3, S3Settings.of(bucket))) {
      return new ExportRunpackService(
              new DynamoDbRunStore(dynamoDb, table, LocalRunpack.CODEC),
              storage,
              LocalRunpack.CODEC,
              new ExportSettings(Optional.of(Fixtures.DG_SECURITY), Optional.empty()))
          .export(
              ExportRunpackCommand.fromJson(
                  LocalRunpack.json(Fixtures.read(Fixtures.request(label)))));
    }
  }
}

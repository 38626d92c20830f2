package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.LoadedRun;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * An import stopped before its run item, as the CLI sees it: {@code export} says the run is not
 * there yet, {@code import} of another bundle of that run is a conflict naming the unfinished
 * import, and {@code import} of the stopped import's own bundle finishes it.
 */
class StoppedImportIT {

  static final String PK = "TENANT#1#NAMESPACE#1#RUN#run-2";

  @TempDir Path temp;

  @Test
  void anotherBundleIsRefusedAndTheStoppedImportsOwnBundleFinishesIt() throws IOException {
    String table = LocalAws.newTable(LocalAws.dynamoDb(), RunLogTable::create);
    String reference = Fixtures.runBundle("golden_visibility_packet").toString();
    String text =
        Files.readString(Fixtures.runBundle("golden_visibility_packet"), StandardCharsets.UTF_8);
    assertEquals(1, text.split("\"call_id\": \"call-1\"", -1).length - 1);
    Path other = temp.resolve("other.json"); // the same run, one tool call's id changed
    Files.writeString(other, text.replace("\"call_id\": \"call-1\"", "\"call_id\": \"call-9\""));
    stopBeforeItsRunItem(table, LoadedRun.fromBundle(LocalRunpack.json(Files.readAllBytes(other))));
    Map<String, String> env = new HashMap<>(AwsCommandsIT.CREDENTIALS);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", LocalAws.stack().dynamoDbEndpoint().toString());

    run(
            env,
            "export",
            "--request",
            request(),
            "--table",
            table,
            "--output-dir",
            "out",
            "--namespace-authority",
            "dg_registry")
        .assertFailureStartingWith(
            3,
            "run_not_found",
            "no run for tenant 1, namespace 1, run run-2 in table "
                + table
                + " (pk "
                + PK
                + "): an import of it has not completed (import ");
    CliProcess.Result refused = run(env, "import", "--table", table, reference);
    refused.assertFailureStartingWith(
        3, "conflict", "run " + PK + " in table " + table + " is held by an import of another");
    assertTrue(
        refused
            .stderr()
            .endsWith(
                "), in progress or stopped unfinished; nothing written. Import that bundle again to"
                    + " finish it, or delete the run's items once no import of it is"
                    + " running\"}}\n"),
        refused.stderr());

    CliProcess.Result finished = run(env, "import", "--table", table, "other.json");
    assertEquals(0, finished.exitCode(), finished.stderr());
    assertEquals(
        "{\"bundle\":\"other.json\",\"items\":9,\"records\":7,\"run\":\""
            + PK
            + "\",\"table\":\""
            + table
            + "\"}\n",
        finished.out());
    CliProcess.Result exported =
        run(
            env,
            "export",
            "--request",
            request(),
            "--table",
            table,
            "--output-dir",
            "out",
            "--namespace-authority",
            "dg_registry");
    assertEquals(0, exported.exitCode(), exported.stderr());
    assertTrue(
        Files.readString(temp.resolve("out/artifacts/tool_calls.json")).contains("call-9"),
        "the run exported is the bundle that finished it");
  }

  /** Imports {@code run} in process and stops it, as a kill would, before its run item. */
  private static void stopBeforeItsRunItem(String table, LoadedRun run) {
    ExecutionInterceptor kill =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes a) {
            if (context.request() instanceof PutItemRequest put
                && put.item().containsKey("state")) {
              throw new IllegalStateException("killed before its run item");
            }
          }
        };
    try (DynamoDbClient client =
        LocalAws.dynamoDb(LocalAws.stack().dynamoDbEndpoint(), List.of(kill))) {
      assertThrows(
          RuntimeException.class, () -> new DynamoDbRunImporter(client, table).importRun(run));
    }
  }

  private static String request() {
    return Fixtures.request("golden_visibility_packet").toString();
  }

  private CliProcess.Result run(Map<String, String> env, String... args) {
    return CliProcess.run(temp, env, new byte[0], args);
  }
}

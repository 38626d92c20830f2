package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.localaws.LocalAwsStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Dev mode as the README documents it: {@code ./mvnw -pl function -am quarkus:dev} from the
 * repository root, then a POST of the example request to the mock event server exports the example
 * run with no AWS at all, into the tenant's directory under the output base, as the deployed
 * function would. (Here on free ports and a temporary output base, so that it neither collides with
 * a developer's own dev mode nor writes into the work tree.)
 */
class DevModeIT {

  static final Path REPOSITORY =
      Path.of(System.getProperty("test.repository.dir", "..")).toAbsolutePath().normalize();

  @Test
  void devModeExportsTheExampleRunWithoutAws() throws Exception {
    int port = LocalAwsStack.freePort();
    Path output = Files.createTempDirectory("runpack-dev-out");
    Path log = Path.of(System.getProperty("test.report.dir", "target"), "dev-mode.log");
    Process maven = devMode(port, "-D%dev.runpack.filesystem.output-base=" + output, log);
    try {
      HttpResponse<String> response =
          postWhenReady(
              port, REPOSITORY.resolve("examples/requests/release-2026-11-26.json"), maven, log);

      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().startsWith("{\"manifest\":{"), response.body());
      VerificationReport report =
          new VerifyRunpackService(new JacksonJsonCodec())
              .verify(
                  new VerifyRunpackCommand(
                      new FileSystemRunpackReader(
                          output.resolve("tenant/1/namespace/1/out/release-2026-11-26")),
                      RunpackPath.of("manifest.json")));
      assertEquals(List.of(), report.errors());
      assertEquals(8, report.checkedFiles());
      assertFalse(
          Files.readString(log, StandardCharsets.UTF_8).contains("Help improve Quarkus"),
          "dev mode starts without asking about analytics (.mvn/maven.config)");
    } finally {
      stop(maven);
    }
  }

  /**
   * An Error in the handler (an OutOfMemoryError: a run within every limit, six logs of 15 MiB,
   * exported by a dev mode given a heap too small for it) ends that invocation with a typed
   * internal_error and its audit record, and dev mode goes on serving. Let through, it ended the
   * thread of Quarkus's poll loop, which catches only Exceptions: that invocation and every later
   * one hung.
   */
  @Test
  void anErrorInTheHandlerIsAnInternalErrorAndDevModeGoesOnServing() throws Exception {
    int port = LocalAwsStack.freePort();
    Path output = Files.createTempDirectory("runpack-dev-out");
    Path runs = Files.createTempDirectory("runpack-dev-runs");
    Path example = REPOSITORY.resolve("examples/runs/1/1/release-2026-11-26.json");
    Files.createDirectories(runs.resolve("1/1"));
    Files.copy(example, runs.resolve("1/1/release-2026-11-26.json"));
    String bundle = Files.readString(example, StandardCharsets.UTF_8);
    String records = ("\"" + "x".repeat(1 << 20) + "\",").repeat(15);
    for (String log :
        List.of("triggers", "gate_evals", "decisions", "packets", "submissions", "tool_calls")) {
      bundle = bundle.replaceFirst("\"" + log + "\": \\[", "\"" + log + "\": [" + records);
    }
    Files.writeString(
        runs.resolve("1/1/big.json"),
        bundle.replace("\"release-2026-11-26\"", "\"big\""),
        StandardCharsets.UTF_8);
    Path request = REPOSITORY.resolve("examples/requests/release-2026-11-26.json");
    Path bigRequest = runs.resolve("big-request.json");
    Files.writeString(
        bigRequest,
        Files.readString(request, StandardCharsets.UTF_8)
            .replace("\"release-2026-11-26\"", "\"big\"")
            .replace("out/release-2026-11-26", "out/big"),
        StandardCharsets.UTF_8);
    Path log = Path.of(System.getProperty("test.report.dir", "target"), "dev-mode-error.log");
    Process maven =
        devMode(
            port,
            "-Xmx224m -D%dev.runpack.filesystem.runs-dir="
                + runs
                + " -D%dev.runpack.filesystem.output-base="
                + output,
            log);
    try {
      HttpResponse<String> failed = postWhenReady(port, bigRequest, maven, log);

      assertEquals(500, failed.statusCode(), failed.body());
      assertTrue(
          failed.body().startsWith("{\"errorType\":\"runpack.InternalFailure\""), failed.body());
      assertTrue(
          failed.body().contains("\"errorMessage\":\"internal_error: unexpected failure (request "),
          failed.body());
      String written = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(written.contains("java.lang.OutOfMemoryError"), "the defect is logged in full");
      assertTrue(
          written.contains("\"outcome\":\"failed\",\"error_code\":\"internal_error\""),
          "the failure is audited");
      assertFalse(Files.exists(output.resolve("tenant/1/namespace/1/out/big")), "nothing written");

      HttpResponse<String> next = postWhenReady(port, request, maven, log);

      assertEquals(200, next.statusCode(), next.body());
      assertTrue(next.body().startsWith("{\"manifest\":{"), next.body());
    } finally {
      stop(maven);
    }
  }

  private static Process devMode(int port, String jvmArgs, Path log) throws IOException {
    return new ProcessBuilder(
            List.of(
                REPOSITORY.resolve("mvnw").toString(),
                "-B",
                "-pl",
                "function",
                "-am",
                "quarkus:dev",
                "-Ddebug=false",
                "-Dquarkus.console.enabled=false",
                "-Djvm.args=-Dquarkus.lambda.mock-event-server.dev-port=" + port + " " + jvmArgs))
        .directory(REPOSITORY.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void stop(Process maven) throws InterruptedException {
    maven.descendants().forEach(ProcessHandle::destroy);
    maven.destroy();
    if (!maven.waitFor(30, TimeUnit.SECONDS)) {
      maven.descendants().forEach(ProcessHandle::destroyForcibly);
      maven.destroyForcibly();
    }
  }

  private static HttpResponse<String> postWhenReady(int port, Path request, Process maven, Path log)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!maven.isAlive()) {
        throw new AssertionError("dev mode exited with " + maven.exitValue() + ":\n" + tail(log));
      }
      if (Files.readString(log, StandardCharsets.UTF_8).contains("Listening on")) {
        return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofFile(request))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      }
      Thread.sleep(500);
    }
    throw new AssertionError("dev mode did not start within 5 minutes:\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}

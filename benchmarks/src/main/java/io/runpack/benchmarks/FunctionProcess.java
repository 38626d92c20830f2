package io.runpack.benchmarks;

import io.runpack.localaws.LocalLambdaRuntime;
import io.runpack.localaws.PackagedFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged function in a JVM of its own, polling a local Lambda Runtime API, for the probes
 * that time its invocations. {@link #invoke} queues one event and waits for its answer (or for the
 * JVM to exit); an error answer, or an export without a {@code storage_uri}, fails the probe with
 * the log's path.
 */
final class FunctionProcess implements AutoCloseable {

  static final String HANDLER =
      "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

  private final LocalLambdaRuntime runtime;
  private final Process process;
  private final Path log;

  private FunctionProcess(LocalLambdaRuntime runtime, Process process, Path log) {
    this.runtime = runtime;
    this.process = process;
    this.log = log;
  }

  /** Starts the function of {@code task} with {@code flags}; {@code environment} adds settings. */
  static FunctionProcess start(
      Path task, Path ric, List<String> flags, Map<String, String> environment, Path log)
      throws Exception {
    LocalLambdaRuntime runtime = new LocalLambdaRuntime();
    try {
      Process process =
          PackagedFunction.start(
              flags,
              PackagedFunction.classpath(task, ric),
              HANDLER,
              task,
              runtime,
              environment,
              log);
      return new FunctionProcess(runtime, process, log);
    } catch (Exception e) {
      runtime.close();
      throw e;
    }
  }

  /** Queues {@code event}, waits for the export's answer and returns its body. */
  String invoke(byte[] event) throws Exception {
    CompletableFuture<LocalLambdaRuntime.Answer> answer = runtime.invoke(event);
    while (!answer.isDone() && process.isAlive()) {
      try {
        answer.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // still exporting
      }
    }
    if (!answer.isDone()) {
      throw new IllegalStateException("the function exited before answering (log: " + log + ")");
    }
    LocalLambdaRuntime.Answer result = answer.get();
    String body = new String(result.body(), StandardCharsets.UTF_8);
    if (result.error() || !body.contains("\"storage_uri\"")) {
      throw new IllegalStateException("the export failed: " + body + " (log: " + log + ")");
    }
    return body;
  }

  @Override
  public void close() {
    try {
      PackagedFunction.stop(process);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      runtime.close();
    }
  }
}

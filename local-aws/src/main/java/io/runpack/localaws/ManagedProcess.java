package io.runpack.localaws;

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

/**
 * One server process of the local stack: started with its output to a log file, ready once it
 * answers HTTP on its port, stopped with its whole process tree.
 */
final class ManagedProcess {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final List<String> command;
  private final Path log;
  private final int port;
  private Process process;

  ManagedProcess(String name, List<String> command, Path log, int port) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
    this.port = port;
  }

  int port() {
    return port;
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the process and waits until it answers HTTP on its port. */
  void start() {
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " while starting:\n" + tail());
      }
      try {
        http.send(probe, HttpResponse.BodyHandlers.discarding());
        return; // any HTTP answer means it is serving
      } catch (IOException notYet) {
        sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while starting " + name, e);
      }
    }
    stop();
    throw new IllegalStateException(
        name + " did not answer on port " + port + " within " + START_TIMEOUT + ":\n" + tail());
  }

  /** Stops the process and its children; waits for them to exit. */
  void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

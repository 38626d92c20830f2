package io.runpack.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server process of the local stack, started with its output to a log file and stopped with its
 * whole process tree. It is ready once its log says so, and the port it serves on is the one its
 * log names: a server asked for port 0 binds a port the system gives it and keeps it, where a port
 * found free beforehand could be taken by another process (a test's own server, a parallel build)
 * between the check and the server's bind.
 */
final class ManagedProcess {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final List<String> command;
  private final Path log;
  private final Pattern portLine;
  private final Pattern readyLine;
  private Process process;
  private int port;

  /**
   * @param portLine a line of the log whose first group is the port the server serves on
   * @param readyLine the line of the log after which it answers requests (it may be {@code
   *     portLine})
   */
  ManagedProcess(String name, List<String> command, Path log, Pattern portLine, Pattern readyLine) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
    this.portLine = portLine;
    this.readyLine = readyLine;
  }

  /** The port it serves on, known once {@link #start()} has returned. */
  int port() {
    if (port == 0) {
      throw new IllegalStateException(name + " has not started");
    }
    return port;
  }

  /**
   * Starts the process and waits until its log has named its port and said it is ready; fails if
   * the process exits first, or has not within {@link #START_TIMEOUT}.
   */
  void start() {
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean alive = process.isAlive(); // before reading: a line read after it exits is too late
      String output = output();
      Matcher named = portLine.matcher(output);
      if (alive && named.find() && readyLine.matcher(output).find()) {
        port = Integer.parseInt(named.group(1));
        return;
      }
      if (!alive) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " while starting:\n" + tail());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while starting " + name, e);
      }
    }
    stop();
    throw new IllegalStateException(
        name + " did not say it was ready within " + START_TIMEOUT + ":\n" + tail());
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

  /** What the process has written so far (a server's start-up log is a few kilobytes). */
  private String output() {
    try (InputStream in = Files.newInputStream(log)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private String tail() {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}

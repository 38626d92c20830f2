package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code runpack} process started in the background, for race and crash tests: optionally under a
 * given umask, and optionally held just before its commit by the {@code CommitPause} hook, where
 * the test releases it (with every other exporter sharing its pause directory) or kills it.
 */
final class BackgroundExport {

  private final Process process;
  private final CompletableFuture<byte[]> out;
  private final CompletableFuture<byte[]> err;

  private BackgroundExport(Process process) {
    this.process = process;
    this.out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    this.err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
  }

  /**
   * Starts {@code runpack args…} in {@code workingDir}; held before its commit when {@code
   * pauseDir} is given, run under {@code umask} (e.g. "027") when given.
   */
  static BackgroundExport start(Path workingDir, Path pauseDir, String umask, String... args) {
    return start(workingDir, pauseDir, umask, Map.of(), args);
  }

  /** Starts {@code runpack args…} with extra environment variables (a locale, say). */
  static BackgroundExport startWithEnvironment(
      Path workingDir, Map<String, String> environment, String... args) {
    return start(workingDir, null, null, environment, args);
  }

  private static BackgroundExport start(
      Path workingDir,
      Path pauseDir,
      String umask,
      Map<String, String> environment,
      String... args) {
    assertTrue(Files.isRegularFile(CliProcess.JAR), "build the jar first: " + CliProcess.JAR);
    List<String> command = new ArrayList<>();
    if (umask != null) {
      command.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")); // quicker start
    if (pauseDir != null) {
      command.add("-D" + CommitPause.PROPERTY + "=" + pauseDir);
    }
    command.addAll(List.of("-jar", CliProcess.JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workingDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(environment);
      return new BackgroundExport(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code count} exporters sharing {@code pauseDir} are all held at the commit. */
  static void awaitPaused(Path pauseDir, int count, BackgroundExport... exporters) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (paused(pauseDir) < count) {
      for (BackgroundExport exporter : exporters) {
        if (!exporter.process.isAlive()) {
          throw new AssertionError("exporter ended before its commit: " + exporter.await());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("exporters not held within 60 s");
      }
      sleep();
    }
  }

  /** Releases every exporter held in {@code pauseDir}, at once. */
  static void resume(Path pauseDir) {
    try {
      Files.createFile(pauseDir.resolve("resume"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to end and returns what it printed. */
  CliProcess.Result await() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("runpack did not finish within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new CliProcess.Result(
        process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
  }

  /** {@code kill -9}: the process gets no chance to clean anything up. */
  void kill() {
    process.destroyForcibly(); // SIGKILL on Unix
    try {
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static long paused(Path pauseDir) {
    try (Stream<Path> entries = Files.list(pauseDir)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("paused-")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code runpack.jar} as a separate process, as users and scripts do. */
final class CliProcess {

  /** What one run printed and returned. */
  record Result(int exitCode, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Asserts a failure: nothing on stdout, exactly one JSON error line on stderr. */
    void assertFailure(int expectedExit, String code, String message) {
      assertEquals(expectedExit, exitCode, stderr);
      assertEquals("", out(), "nothing on stdout");
      String expected = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}\n";
      assertEquals(expected, stderr);
    }

    void assertFailureStartingWith(int expectedExit, String code, String messageStart) {
      assertEquals(expectedExit, exitCode, stderr);
      assertEquals("", out(), "nothing on stdout");
      String prefix = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + messageStart;
      assertTrue(stderr.startsWith(prefix), stderr);
      assertTrue(
          stderr.endsWith("\"}}\n") && stderr.indexOf('\n') == stderr.length() - 1,
          "one line: " + stderr);
    }
  }

  static final Path JAR = Path.of(System.getProperty("test.runpack.jar", "target/runpack.jar"));

  private CliProcess() {}

  static Result run(Path workingDir, byte[] stdin, String... args) {
    return run(workingDir, Map.of(), stdin, args);
  }

  /** Runs with extra environment variables (credentials for the local AWS stack). */
  static Result run(Path workingDir, Map<String, String> env, byte[] stdin, String... args) {
    return run(workingDir, List.of(), env, stdin, args);
  }

  /** Runs in a JVM given {@code jvmOptions} (a heap limit), with extra environment variables. */
  static Result run(
      Path workingDir,
      List<String> jvmOptions,
      Map<String, String> env,
      byte[] stdin,
      String... args) {
    assertTrue(Files.isRegularFile(JAR), "build the jar first: " + JAR);
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        String threads = threadDump(process);
        process.destroyForcibly();
        throw new AssertionError(
            "runpack did not finish within 60 s: " + command + "\nits threads:\n" + threads);
      }
      return new Result(
          process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The threads of a process that did not finish, for the failure it causes (jcmd's dump). */
  private static String threadDump(Process process) throws IOException, InterruptedException {
    Path jcmd = Path.of(javaBinary()).resolveSibling("jcmd");
    if (!Files.isExecutable(jcmd)) {
      return "(no jcmd beside " + javaBinary() + ")";
    }
    Process dump =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
            .redirectErrorStream(true)
            .start();
    CompletableFuture<byte[]> text =
        CompletableFuture.supplyAsync(() -> readAll(dump.getInputStream()));
    if (!dump.waitFor(20, TimeUnit.SECONDS)) {
      dump.destroyForcibly();
      return "(jcmd did not answer within 20 s)";
    }
    return new String(text.join(), StandardCharsets.UTF_8);
  }

  static Result run(Path workingDir, String... args) {
    return run(workingDir, new byte[0], args);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

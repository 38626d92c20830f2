package io.runpack.cli;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Entry point of the {@code runpack} command. Exit codes: 0 done (verify: pass), 1 verify failed, 2
 * invalid input or usage, 3 any other failure. Errors are one JSON line on stderr.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the command asked for; {@code runpack --version COMMAND …} is a usage error: picocli would
   * print the version and exit 0 without running the command (a failing {@code verify} included).
   */
  private static int execute(CommandLine.ParseResult parsed) {
    if (parsed.isVersionHelpRequested() && parsed.hasSubcommand()) {
      throw new CommandLine.ParameterException(
          parsed.commandSpec().commandLine(),
          "--version is an option of runpack alone, not of a command: runpack --version");
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** Runs one command line against the given streams and returns its exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Console console = new Console(in, out, err);
    CommandLine commandLine = new CommandLine(new RunpackCommand(console));
    commandLine.setOut(new java.io.PrintWriter(out, true));
    commandLine.setErr(new java.io.PrintWriter(err, true));
    commandLine.setParameterExceptionHandler(new Failures.UsageHandler(console));
    commandLine.setExecutionExceptionHandler(new Failures.ExecutionHandler(console));
    commandLine.setExecutionStrategy(Main::execute);
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      return Failures.report(
          console,
          new RunpackException(
              ErrorCode.LIMIT_EXCEEDED,
              "out of memory: the input is too large for this JVM's heap (raise it with -Xmx)"),
          Failures.FAILED,
          e);
    }
  }
}

package io.runpack.cli;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.ErrorEnvelope;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.RunpackPath;
import io.runpack.json.JsonObject;
import picocli.CommandLine;

/**
 * How the command fails: one line {@code {"error":{"code":…,"message":…}}} on stderr, nothing on
 * stdout, exit 2 for invalid input or usage and 3 for anything else. A stack trace only with {@code
 * --debug}.
 */
final class Failures {

  static final int INVALID_INPUT = 2;
  static final int FAILED = 3;

  private Failures() {}

  /** A failure caused by what the user gave the command (a file, stdin, an option): exit 2. */
  static final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RunpackException failure;

    InvalidInput(RunpackException failure) {
      super(failure.getMessage(), failure);
      this.failure = failure;
    }
  }

  static InvalidInput invalidInput(ErrorCode code, String message) {
    return new InvalidInput(new RunpackException(code, message));
  }

  /** A refusal of the request ({@code invalid_request}) as invalid input; anything else as is. */
  static RuntimeException asInput(RunpackException failure) {
    return failure.code() == ErrorCode.INVALID_REQUEST ? new InvalidInput(failure) : failure;
  }

  /** The {@code --manifest} option as a runpack path; a name that is not one is invalid input. */
  static RunpackPath manifestName(String manifest) {
    try {
      return RunpackPath.of(manifest);
    } catch (RunpackException e) {
      throw new InvalidInput(e);
    }
  }

  static int report(Console console, RunpackException failure, int exitCode, Throwable trace) {
    JsonObject error = ErrorEnvelope.of(failure);
    byte[] line = RunpackJson.toBytes(error);
    console.err.write(line, 0, line.length);
    console.err.write('\n');
    if (console.debug && trace != null) {
      trace.printStackTrace(console.err);
    }
    console.err.flush();
    return exitCode;
  }

  static int exitCodeOf(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST, INVALID_JSON, FILE_NOT_FOUND -> INVALID_INPUT;
      default -> FAILED;
    };
  }

  /**
   * Usage errors (unknown option, missing parameter): exit 2, with what the user may have meant
   * (picocli's suggestions for a mistyped option or command) and where the usage is.
   */
  static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
    private final Console console;

    UsageHandler(Console console) {
      this.console = console;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      return report(
          console, new RunpackException(ErrorCode.INVALID_REQUEST, message(e)), INVALID_INPUT, e);
    }

    static String message(CommandLine.ParameterException e) {
      StringBuilder message = new StringBuilder(e.getMessage());
      if (e instanceof CommandLine.UnmatchedArgumentException unmatched
          && !unmatched.getSuggestions().isEmpty()) {
        message
            .append("; did you mean ")
            .append(String.join(" or ", unmatched.getSuggestions().stream().limit(3).toList()))
            .append('?');
      }
      CommandLine command = e.getCommandLine();
      message
          .append(" (usage: runpack help")
          .append(command.getParent() == null ? "" : " " + command.getCommandName())
          .append(')');
      return message.toString();
    }
  }

  /** Everything a command throws: typed failures keep their code; anything else is a bug. */
  static final class ExecutionHandler implements CommandLine.IExecutionExceptionHandler {
    private final Console console;

    ExecutionHandler(Console console) {
      this.console = console;
    }

    @Override
    public int handleExecutionException(
        Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      if (e instanceof InvalidInput input) {
        return report(console, input.failure, INVALID_INPUT, e);
      }
      if (e instanceof RunpackException failure) {
        return report(console, failure, exitCodeOf(failure.code()), e);
      }
      RunpackException internal =
          new RunpackException(
              ErrorCode.INTERNAL_ERROR, "unexpected failure: " + e.getClass().getSimpleName());
      return report(console, internal, FAILED, e);
    }
  }
}

package io.runpack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The top-level {@code runpack} command; the work is done by its subcommands. */
@Command(
    name = "runpack",
    mixinStandardHelpOptions = true,
    versionProvider = RunpackCommand.Version.class,
    description = "Export, verify, sign and canonicalize Decision Gate runpacks.",
    subcommands = {
      ExportCommand.class,
      VerifyCommand.class,
      PrettyCommand.class,
      ReportCommand.class,
      SignCommand.class,
      KeygenCommand.class,
      CanonicalizeCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (verify: the runpack passed)",
      "1:verify: the runpack failed verification",
      "2:invalid input or usage (a bad request, a file or directory that is not there, an input"
          + " given to the command over a limit)",
      "3:any other failure (missing run or manifest, storage, a limit met in a runpack or run)"
    })
final class RunpackCommand implements Runnable {

  final Console console;

  @Option(
      names = "--debug",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Print a stack trace with errors.")
  void debug(boolean debug) {
    console.debug = debug;
  }

  RunpackCommand(Console console) {
    this.console = console;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this),
        "a command is required: export, verify, pretty, report, sign, keygen, canonicalize, import or help");
  }

  /** The version from the jar manifest ({@code dev} when run from classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RunpackCommand.class.getPackage().getImplementationVersion();
      return new String[] {"runpack " + (version == null ? "dev" : version)};
    }
  }
}

package io.runpack.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -h}/{@code --help} option of every subcommand, in place of picocli's standard help
 * options: the version ({@code -V}, {@code --version}) is an option of {@code runpack} itself only.
 * On a subcommand it is an unknown option, a usage error (exit 2), and before one ({@code runpack
 * -V verify …}) a usage error too ({@link Main}), so that a command line that adds it never exits 0
 * without doing its work (a failed {@code verify} included). Help, asked for, is shown instead of
 * the work, and exits 0, as every command's help does.
 */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}

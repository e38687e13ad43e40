package dev.custos.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root: {@code acquire} and {@code report}, each a launcher script of its own. */
@Command(
    name = "custos",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Forensic acquisition: sector-exact images, parallel digests, chain of custody.",
    subcommands = {AcquireCommand.class, ReportCommand.class},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:done and verified",
        "1:finished, but the evidence does not verify (or is incomplete, or a signer is not trusted)",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE,
        ExitCodes.HELP_INTERRUPTED})
final class CustosCommand {
  private final Environment environment;
  private final AfterAcquisitionChecks.BeforeChecks beforeChecks;

  private CustosCommand(Environment environment, AfterAcquisitionChecks.BeforeChecks beforeChecks) {
    this.environment = environment;
    this.beforeChecks = beforeChecks;
  }

  /** What runs between an acquisition's manifest and its --verify-image / --verify-source checks. */
  AfterAcquisitionChecks.BeforeChecks beforeChecks() {
    return beforeChecks;
  }

  /** The variables, terminal and clock the commands under this one see. */
  Environment environment() {
    return environment;
  }

  /** A configured command line writing to {@code out} and {@code err}, in the process's environment. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Environment.system());
  }

  /** A configured command line writing to {@code out} and {@code err}, seeing {@code environment}. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment) {
    return commandLine(out, err, environment, AfterAcquisitionChecks.BeforeChecks.NOTHING);
  }

  /**
   * As {@link #commandLine(PrintWriter, PrintWriter, Environment)}, with {@code beforeChecks} run
   * between an acquisition's manifest and its checks: a seam for tests, which alter the image there.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment,
      AfterAcquisitionChecks.BeforeChecks beforeChecks) {
    CommandLine commandLine = new CommandLine(new CustosCommand(environment, beforeChecks));
    // Every line a command prints passes a guard: no record can steer the terminal (TerminalText).
    commandLine.setOut(TerminalText.guard(out));
    commandLine.setErr(TerminalText.guard(err));
    commandLine.registerConverter(java.nio.file.Path.class, new PathArgument());
    commandLine.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
    commandLine.setParameterExceptionHandler(ExitCodes::handleParameterException);
    commandLine.setExitCodeExceptionMapper(ExitCodes::exitCodeOf);
    return commandLine;
  }
}

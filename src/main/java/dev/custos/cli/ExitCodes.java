package dev.custos.cli;

import dev.custos.error.CustodyBrokenException;
import dev.custos.error.SourceChangedException;
import dev.custos.error.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place exit codes are decided. Every failure reaches the examiner as one line on stderr;
 * {@code --debug} adds the stack trace.
 */
final class ExitCodes {
  /** Done, and everything verifies. */
  static final int OK = 0;
  /** Finished, but the evidence does not verify (or is incomplete, or the source changed while read). */
  static final int DOES_NOT_VERIFY = 1;
  /** Bad input or a refusal: nothing was written. */
  static final int USAGE = 2;
  /** The target or the source failed: what was written is kept. */
  static final int IO_FAILURE = 3;
  /**
   * Stopped by Ctrl-C or SIGTERM. The JVM exits with the signal's conventional status (130, 143)
   * once the manifest is written; this is what a stop without a signal returns.
   */
  static final int INTERRUPTED = 130;

  // What --help says of the exit codes: the same heading and the same lines for 2 and 3 in every
  // command; 0, 1 and 130 as each command can return them.
  /** The heading of every command's exit-code list. */
  static final String HEADING = "%nExit codes:%n";
  /** Exit 2, as every command's help states it. */
  static final String HELP_USAGE = "2:usage or input error, or a refusal; nothing was written";
  /** Exit 3, as every command's help states it. */
  static final String HELP_IO_FAILURE = "3:I/O failure (a disk, the source, a file); what was written is kept";
  /** Exit 130 and 143, as the acquisitions' help states them. */
  static final String HELP_INTERRUPTED = "130:stopped by Ctrl-C (SIGINT), 143: by SIGTERM; the manifest says how far it got";
  /** Exit 1 of the commands that append to the custody log. */
  static final String HELP_LOG_BROKEN = "1:the custody log is broken: nothing is appended to it";

  private ExitCodes() {}

  /**
   * Usage errors and refusals give 2; everything else that stops a command — the target, the
   * source, or anything unforeseen — is treated as an I/O failure, 3, since what was written is
   * kept either way.
   */
  static int exitCodeOf(Throwable failure) {
    if (failure instanceof CustodyBrokenException || failure instanceof SourceChangedException) {
      return DOES_NOT_VERIFY;
    }
    boolean usage = failure instanceof UsageException || failure instanceof ParameterException
        || failure instanceof IllegalArgumentException;
    return usage ? USAGE : IO_FAILURE;
  }

  static int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
    command.getErr().println(commandName(command) + ": " + oneLine(failure));
    if (hasDebug(parseResult)) {
      failure.printStackTrace(command.getErr());
    }
    command.getErr().flush();
    return exitCodeOf(failure);
  }

  /** {@code acquire image}: the command as the examiner typed it through a launcher. */
  private static String commandName(CommandLine command) {
    return command.getCommandSpec().qualifiedName().replaceFirst("^custos ", "");
  }

  private static boolean hasDebug(ParseResult result) {
    return result.hasMatchedOption("--debug") || result.subcommands().stream().anyMatch(ExitCodes::hasDebug);
  }

  static int handleParameterException(ParameterException failure, String[] args) {
    CommandLine command = failure.getCommandLine();
    command.getErr().println(commandName(command) + ": " + usageLine(failure) + " (see --help)");
    command.getErr().flush();
    return USAGE;
  }

  /**
   * What was wrong with the command line. A mistyped name is named first, with the nearest valid
   * ones, even when picocli stopped at a required option: {@code --examinr} is why {@code
   * --examiner} is missing.
   */
  private static String usageLine(ParameterException failure) {
    CommandLine command = failure.getCommandLine();
    UnmatchedArgumentException unmatched = failure instanceof UnmatchedArgumentException
        ? (UnmatchedArgumentException) failure
        : command.getParseResult() != null && !command.getParseResult().unmatched().isEmpty()
            ? new UnmatchedArgumentException(command, command.getParseResult().unmatched())
            : null;
    return unmatched == null ? oneLine(failure) : Mistyped.line(unmatched).orElseGet(() -> oneLine(failure));
  }

  /** The failure's message on one line, falling back to its cause and type. */
  static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    if ((message == null || message.isBlank()) && failure.getCause() != null) {
      message = failure.getCause().getMessage();
    }
    if (message == null || message.isBlank()) {
      message = failure.getClass().getSimpleName();
    }
    return TerminalText.escape(message.replaceAll("\\s*\\R\\s*", " ").strip());
  }
}

package dev.custos.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code java -jar custos.jar acquire|report …}: the launchers' entry point. */
public final class Main {
  private Main() {}

  /**
   * The system property the launchers set to the name they were called by ({@code ./acquire}): the
   * usage lines of their commands say it (the launcher's command, {@code acquire}, is the first argument).
   */
  static final String PROGRAM_PROPERTY = "custos.program";

  /** Runs the command and exits with its exit code. */
  @SuppressForbidden(reason = "the one place the process's own stdout and stderr are wrapped, in UTF-8 writers")
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    CommandLine commandLine = CustosCommand.commandLine(out, err);
    String program = System.getProperty(PROGRAM_PROPERTY);
    if (program != null && !program.isBlank() && args.length > 0) {
      TypedNameHelp.install(commandLine, args[0], program);
    }
    System.exit(withinResources(() -> commandLine.execute(args), err));
  }

  /** Runs the command with the given outputs and returns its exit code (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = CustosCommand.commandLine(out, err);
    return withinResources(() -> commandLine.execute(args), err);
  }

  /**
   * Runs {@code command}, turning what the read limits ({@code dev.custos.io.ReadLimit}) should
   * already prevent — the JVM out of memory or stack — into one line and exit 3 instead of a trace.
   */
  private static int withinResources(java.util.function.IntSupplier command, PrintWriter err) {
    try {
      return command.getAsInt();
    } catch (OutOfMemoryError | StackOverflowError e) {
      err.println("custos: stopped: the JVM ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack")
          + " (an input far larger or deeper than Custos writes?); what was written is kept");
      err.flush();
      return ExitCodes.IO_FAILURE;
    }
  }

  /**
   * Runs the command with the given outputs, seeing only the environment variables {@code
   * variables} and no terminal, and returns its exit code (tests call this).
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> variables) {
    Environment environment = new Environment(variables, Environment.noTerminal(), java.time.Clock.systemUTC());
    return withinResources(() -> CustosCommand.commandLine(out, err, environment).execute(args), err);
  }
}

package dev.custos.cli;

import dev.custos.acquire.Acquisition;
import dev.custos.crypto.Signer;
import dev.custos.custody.CustodyRecorder;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Invocation;
import dev.custos.evidence.ToolInfo;
import dev.custos.report.ReportRendering;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlockGuard;
import dev.custos.verify.AcquisitionVerification;
import dev.custos.verify.Verification;
import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command reads from outside its arguments: environment variables, the terminal (for
 * passwords) and the clock; and the one place the commands get what works on the system from:
 * the evidence clock, this host, custody recorders, acquisitions, verifications and report
 * renderings, all timed by this clock. A seam: tests pass their own variables, a scripted terminal
 * and a fixed clock. Immutable.
 *
 * @param variables environment variables by name
 * @param terminal where passwords are typed
 * @param clock the current time
 */
record Environment(Map<String, String> variables, Terminal terminal, Clock clock) {
  Environment {
    variables = Map.copyOf(variables);
  }

  /** The process's own environment variables, its terminal (when there is one) and the system clock. */
  static Environment system() {
    return new Environment(System.getenv(), Environment::readFromConsole, Clock.systemUTC());
  }

  /** The environment of the command line {@code spec} belongs to; the system's outside {@link CustosCommand}. */
  static Environment of(CommandSpec spec) {
    Object root = spec.root().userObject();
    return root instanceof CustosCommand ? ((CustosCommand) root).environment() : system();
  }

  /** The variable {@code name}, or null when it is unset or empty. */
  String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The time of evidence records: {@link #clock}, to the millisecond. */
  EvidenceClock evidenceClock() {
    return EvidenceClock.of(clock);
  }

  /**
   * How the command {@code spec} runs was typed, for the records: the name its launcher was called
   * by ({@code ./acquire}, from the launcher's {@code custos.program} property), else the command's
   * own first word ({@code acquire}), then every argument as given (an {@code @FILE} as the words it
   * holds), but for a URL's password; and
   * the working directory.
   */
  Invocation invocation(CommandSpec spec) {
    // The words after picocli read any @FILE in: "@FILE" alone would not say what ran, nor run it again once FILE changed.
    List<String> typed = new ArrayList<>(spec.root().commandLine().getParseResult().expandedArgs().stream()
        .map(Environment::withoutUrlPassword).toList());
    String program = System.getProperty(Main.PROGRAM_PROPERTY);
    if (program != null && !program.isBlank() && !typed.isEmpty()) {
      typed.set(0, program);
    }
    return new Invocation(typed, Path.of("").toAbsolutePath().toString(), null);
  }

  /**
   * {@code word} with the password of a URL in it ({@code --tsa https://user:PASSWORD@host}) as
   * {@code ***}: passwords never go on record, and no option takes one, but a URL may carry one.
   */
  static String withoutUrlPassword(String word) {
    return URL_PASSWORD.matcher(word).replaceAll("$1***@");
  }

  private static final java.util.regex.Pattern URL_PASSWORD = java.util.regex.Pattern.compile("(://[^/?#@:]*:)[^/?#@]*@");

  /** The host the commands run on, as the records name it. */
  HostInfo host() {
    return HostInfo.current();
  }

  /**
   * A recorder signing with {@code signer}, or, when there is none, recording unsigned events in the
   * name of the operating-system account (each event says it is unsigned).
   */
  CustodyRecorder recorder(Signer signer) {
    return recorder(signer, null);
  }

  /**
   * A recorder signing with {@code signer}, or, when there is none, recording unsigned events in the
   * name of {@code unsignedActor} (the operating-system account when that is null too).
   */
  CustodyRecorder recorder(Signer signer, String unsignedActor) {
    HostInfo host = host();
    return signer != null
        ? CustodyRecorder.signed(signer, host, ToolInfo.current(), evidenceClock())
        : CustodyRecorder.unsigned(unsignedActor != null ? unsignedActor : host.user(), host, ToolInfo.current(), evidenceClock());
  }

  /** The source inspector of this system's devices, asking ATA drives about hidden areas. */
  SourceInspector sourceInspector() {
    return SourceInspector.system(HiddenAreaProbes.system());
  }

  /** An acquisition of this system's sources, its custody events recorded by {@code recorder}. */
  Acquisition acquisition(CustodyRecorder recorder) {
    return new Acquisition(sourceInspector(), WriteBlockGuard.system(), evidenceClock(), host(), ToolInfo.current(), recorder);
  }

  /** The verification of evidence directories and of this system's sources. */
  Verification verification() {
    return new Verification(sourceInspector(), WriteBlockGuard.system(), evidenceClock());
  }

  /** The checks right after an acquisition: the image read back, the source read again. */
  AcquisitionVerification acquisitionVerification() {
    return new AcquisitionVerification(sourceInspector(), WriteBlockGuard.system(), evidenceClock());
  }

  /** The rendering of reports, their signing place this host. */
  ReportRendering reportRendering() {
    return new ReportRendering(evidenceClock(), host().hostname());
  }

  /** Where a password is typed without echo. */
  @FunctionalInterface
  interface Terminal {
    /**
     * Prints {@code prompt} and returns what is typed, without echo and without the line end; null
     * when there is no terminal to ask on.
     */
    char[] readPassword(String prompt);
  }

  /** A terminal for none: every password must come from a file or a variable. */
  static Terminal noTerminal() {
    return prompt -> null;
  }

  private static char[] readFromConsole(String prompt) {
    Console console = System.console();
    return console == null ? null : console.readPassword("%s", prompt);
  }
}

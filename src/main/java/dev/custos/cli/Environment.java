package dev.custos.cli;

import java.io.Console;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command reads from outside its arguments: environment variables, the terminal (for
 * passwords) and the clock. A seam: tests pass their own variables, a scripted terminal and a
 * fixed clock. Immutable.
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

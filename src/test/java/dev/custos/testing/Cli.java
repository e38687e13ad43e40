package dev.custos.testing;

import dev.custos.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs Custos commands in this JVM, as the launchers do, capturing what they print. */
public final class Cli {
  private Cli() {}

  /** What a command did. */
  public record Run(int exitCode, String out, String err) {}

  /** Runs {@code java -jar custos.jar args…}. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs {@code java -jar custos.jar args…} seeing only the environment variables {@code variables}, and no terminal. */
  public static Run runWith(Map<String, String> variables, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), variables);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code first} then {@code more}: a command line and, say, {@code --key FILE --password-file FILE}. */
  public static String[] join(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}

package dev.custos.testing;

import dev.custos.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

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
}

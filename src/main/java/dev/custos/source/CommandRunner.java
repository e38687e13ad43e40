package dev.custos.source;

import java.io.IOException;
import java.util.List;

/** Runs a system command and returns its output. A seam: tests pass a fake. */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs {@code command} and waits for it.
   *
   * @return what it printed on stdout and stderr
   * @throws IOException if it cannot be started or exits non-zero
   */
  String run(List<String> command) throws IOException;

  /** Runs commands as processes of this system, with a time limit. */
  static CommandRunner system() {
    return SystemCommandRunner.INSTANCE;
  }
}

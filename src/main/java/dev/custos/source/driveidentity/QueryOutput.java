package dev.custos.source.driveidentity;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What running one query gave: its stdout as printed, byte for byte, its stderr, and how it ended.
 * Immutable: the bytes are copied in and out.
 *
 * @param exitCode the exit status; empty when it did not end by itself (not started, timed out)
 * @param failure why it did not end by itself, in one line; empty when it did
 */
public record QueryOutput(byte[] stdout, String stderr, OptionalInt exitCode, java.util.Optional<String> failure) {
  public QueryOutput {
    stdout = stdout.clone();
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(failure, "failure");
    if (exitCode.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("a query either exits or fails, got exit " + exitCode + " and failure " + failure);
    }
  }

  /** A query that ran to its end. */
  public static QueryOutput exited(int exitCode, byte[] stdout, String stderr) {
    return new QueryOutput(stdout, stderr, OptionalInt.of(exitCode), java.util.Optional.empty());
  }

  /** A query that did not end by itself: not started, or stopped at its time limit. */
  public static QueryOutput failed(String why, byte[] stdout, String stderr) {
    return new QueryOutput(stdout, stderr, OptionalInt.empty(), java.util.Optional.of(why));
  }

  @Override
  public byte[] stdout() {
    return stdout.clone();
  }

  /** The first non-blank line of stderr, stripped; empty when it printed none. */
  public java.util.Optional<String> firstStderrLine() {
    return stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QueryOutput that && Arrays.equals(stdout, that.stdout) && stderr.equals(that.stderr)
        && exitCode.equals(that.exitCode) && failure.equals(that.failure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(stdout), stderr, exitCode, failure);
  }

  @Override
  public String toString() {
    return "QueryOutput[" + stdout.length + " bytes, exit " + exitCode + ", failure " + failure + "]";
  }
}

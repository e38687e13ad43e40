package dev.custos.source.driveidentity;

import java.time.Duration;
import java.util.List;

/**
 * Runs one identity query. A seam: tests pass recorded transcripts. Never throws for what the
 * query does: a command that cannot start, fails or hangs is an answer like any other, recorded as
 * such, and never holds up the acquisition for longer than its time limit.
 */
@FunctionalInterface
public interface QueryRunner {
  /**
   * Runs {@code command} with its stdin closed, waiting at most {@code limit}.
   *
   * @return its stdout and stderr as printed and how it ended; when it is still running at the
   *     limit, it is killed and what it printed so far is returned as a failure "timed out"
   * @throws InterruptedException if the calling thread was interrupted while waiting
   */
  QueryOutput run(List<String> command, Duration limit) throws InterruptedException;

  /** Runs queries as processes of this system. */
  static QueryRunner system() {
    return new ProcessQueryRunner();
  }
}

package dev.custos.verify;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check. Immutable.
 *
 * @param check which check
 * @param verdict pass, fail or skipped
 * @param summary one line on what was checked and found, e.g. {@code 2 files, 1474560 bytes}
 * @param problems every problem found, in the order found; empty unless the verdict is FAIL
 */
public record CheckResult(Check check, Verdict verdict, String summary, List<Problem> problems) {
  /**
   * @throws IllegalArgumentException when a failure names no problem or a pass or skip names one
   */
  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    problems = List.copyOf(problems);
    if ((verdict == Verdict.FAIL) == problems.isEmpty()) {
      throw new IllegalArgumentException(check.id() + ": a failure names its problems, and only a failure does");
    }
  }

  /** A check that held. */
  public static CheckResult pass(Check check, String summary) {
    return new CheckResult(check, Verdict.PASS, summary, List.of());
  }

  /** A check that did not run, and why. */
  public static CheckResult skipped(Check check, String why) {
    return new CheckResult(check, Verdict.SKIPPED, why, List.of());
  }

  /** A check that found problems: a pass when there are none. */
  public static CheckResult of(Check check, String summary, List<Problem> problems) {
    return new CheckResult(check, problems.isEmpty() ? Verdict.PASS : Verdict.FAIL, summary, problems);
  }
}

package dev.custos.verify;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code report verify} found about an evidence directory or an image. Immutable.
 *
 * @param target the evidence directory, or the first file of an image, absolute
 * @param started when verification began
 * @param ended when it ended
 * @param checks every check, in order
 * @param image what re-hashing the image found, or null when it could not be re-hashed
 * @param source what re-reading the source found, or null when it was not re-read
 * @param sourcePath the source re-read, or null
 * @param warnings what an examiner should know that does not change the verdict: files in the
 *     directory that are not part of the evidence, say
 */
public record VerificationResult(Path target, Instant started, Instant ended, List<CheckResult> checks, ImageFindings image,
    ImageFindings source, Path sourcePath, List<Problem> warnings) {
  public VerificationResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    checks = List.copyOf(checks);
    warnings = List.copyOf(warnings);
  }

  /** A result without warnings. */
  public VerificationResult(Path target, Instant started, Instant ended, List<CheckResult> checks, ImageFindings image,
      ImageFindings source, Path sourcePath) {
    this(target, started, ended, checks, image, source, sourcePath, List.of());
  }

  /** Whether nothing failed: every check passed or was not asked for. */
  public boolean verified() {
    return checks.stream().noneMatch(check -> check.verdict() == Verdict.FAIL);
  }

  /** Every problem of every check, in check order. */
  public List<Problem> problems() {
    return checks.stream().flatMap(check -> check.problems().stream()).toList();
  }

  /** The result of {@code check}. */
  public CheckResult result(Check check) {
    return checks.stream().filter(result -> result.check() == check).findFirst().orElseThrow();
  }
}

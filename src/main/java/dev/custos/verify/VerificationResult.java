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
 * @param signatures every signature of the directory judged against the trust anchors (custody
 *     events, then reports and their timestamps); empty for a foreign image
 * @param extent how much of its source the acquisition got, as recorded; null for an image from
 *     another tool, or when nothing records it
 * @param warnings what an examiner should know that does not change the verdict: files in the
 *     directory that are not part of the evidence, say
 */
public record VerificationResult(Path target, Instant started, Instant ended, List<CheckResult> checks, ImageFindings image,
    ImageFindings source, Path sourcePath, List<SignatureTrust> signatures, AcquisitionExtent extent,
    List<Problem> warnings) {
  public VerificationResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    checks = List.copyOf(checks);
    signatures = List.copyOf(signatures);
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether signers were only SELF-ASSERTED: the {@link Check#SIGNERS} check ran without any trust
   * anchor, and something is signed.
   */
  public boolean selfAsserted() {
    return checks.stream().anyMatch(check -> check.check() == Check.SIGNERS && check.verdict() == Verdict.SKIPPED)
        && signatures.stream().anyMatch(signature -> signature.trust().level() == dev.custos.crypto.Trust.Level.SELF_ASSERTED);
  }

  /** A result without signatures and without an acquisition's extent: an image from another tool. */
  public VerificationResult(Path target, Instant started, Instant ended, List<CheckResult> checks, ImageFindings image,
      ImageFindings source, Path sourcePath) {
    this(target, started, ended, checks, image, source, sourcePath, List.of(), null, List.of());
  }

  /**
   * Whether nothing failed (every check passed or was not asked for) and the acquisition, where
   * one is recorded, read every byte of its source: an incomplete acquisition is never verified.
   */
  public boolean verified() {
    return checks.stream().noneMatch(check -> check.verdict() == Verdict.FAIL) && !incomplete();
  }

  /** Whether the acquisition verified did not read its whole source, or its end is not recorded. */
  public boolean incomplete() {
    return extent != null && !extent.complete();
  }

  /** {@code verified}, {@code incomplete} (nothing failed, but not every byte was acquired), or {@code not-verified}. */
  public String outcome() {
    if (verified()) {
      return "verified";
    }
    return problems().isEmpty() ? "incomplete" : "not-verified";
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

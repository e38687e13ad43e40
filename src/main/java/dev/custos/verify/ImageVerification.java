package dev.custos.verify;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.ProgressListener;
import dev.custos.error.EvidenceReadException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.image.ImageReader;
import dev.custos.image.SplitSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code report verify IMAGE --md5 HEX …} use case: an image another tool acquired (one file,
 * or a split set read in order from its first segment) re-hashed in one read and compared with the
 * digests given. Reads only; nothing is recorded anywhere.
 */
public final class ImageVerification {
  private ImageVerification() {}

  /**
   * The files of the image {@code given} names: itself, or the whole split set it begins.
   *
   * @throws UsageException as {@link SplitSet#files}
   * @throws EvidenceReadException if its directory cannot be listed
   */
  public static List<Path> files(Path given) throws UsageException, EvidenceReadException {
    try {
      return SplitSet.files(given);
    } catch (IOException e) {
      throw new EvidenceReadException("cannot list the files of " + given + ": " + e.getMessage(), e);
    }
  }

  /**
   * Re-hashes {@code files} as one image and compares each digest of {@code expected}.
   *
   * @param files the image's files in order, as {@link #files} gives them
   * @param expected at least one digest, at most one per algorithm
   * @throws UsageException if no digest is given, or two for one algorithm, or a file is not a regular file (a FIFO, a
   *     device)
   * @throws EvidenceReadException if a file cannot be read
   * @throws InterruptedException if interrupted
   */
  public static VerificationResult verify(List<Path> files, List<Digest> expected, ProgressListener listener, EvidenceClock clock)
      throws UsageException, EvidenceReadException, InterruptedException {
    if (expected.isEmpty()) {
      throw new UsageException("give the digests the image should have: --md5, --sha1, --sha256, --sha512 or --hashes FILE");
    }
    List<HashAlgorithm> algorithms = expected.stream().map(Digest::algorithm).distinct().toList();
    if (algorithms.size() != expected.size()) {
      throw new UsageException("two digests were given for one algorithm: give each algorithm once");
    }
    Instant started = clock.now();
    List<ImageReader.Part> parts = new ArrayList<>();
    long total = 0;
    try {
      for (Path file : files) {
        // A FIFO or a device has no size and would read as an empty image whose digests "match".
        java.util.Optional<String> oddity = dev.custos.io.EvidenceFile.oddity(file.toRealPath());
        if (oddity.isPresent()) {
          throw new UsageException(file + " is " + oddity.get() + ", not a regular file: Custos verifies an image held in"
              + " regular files; nothing was read");
        }
        long size = Files.size(file);
        parts.add(new ImageReader.Part(String.valueOf(file.getFileName()), file, size));
        total += size;
      }
    } catch (IOException e) {
      throw new EvidenceReadException("cannot read the size of an image file: " + e.getMessage(), e);
    }
    Rehash.Result computed;
    try (ImageReader reader = ImageReader.open(parts)) {
      computed = Rehash.run(reader::read, reader.size(), algorithms, null, listener, () -> 0);
    } catch (IOException e) {
      throw new EvidenceReadException("cannot read the image: " + e.getMessage(), e);
    }
    List<DigestComparison> comparisons = DigestComparison.of(expected, computed.digests());
    List<Problem> problems = comparisons.stream().filter(comparison -> !comparison.matches())
        .map(comparison -> new Problem(null, comparison.algorithm().displayName() + " of the image is " + comparison.computed()
            + "; given: " + comparison.recorded()))
        .toList();
    String filesSummary = files.size() == 1 ? "1 file, " + total + " bytes"
        : files.size() + " files read in order as one image (" + parts.get(0).name() + " … " + parts.get(parts.size() - 1).name()
            + "), " + total + " bytes";
    ImageFindings findings = new ImageFindings(ImageFindings.Subject.IMAGE, ImageFindings.RecordedFrom.GIVEN, total,
        computed.elapsedMillis(), comparisons, null, 0, 0, List.of());
    String digestsSummary = (comparisons.size() - problems.size()) + " of " + comparisons.size() + " digests of the image match the given ("
        + String.join(", ", algorithms.stream().map(HashAlgorithm::id).toList()) + ")";
    List<CheckResult> checks = List.of(CheckResult.pass(Check.IMAGE_FILES, filesSummary),
        CheckResult.of(Check.IMAGE_DIGESTS, digestsSummary, problems));
    return new VerificationResult(files.get(0).toAbsolutePath().normalize(), started, clock.now(), checks, findings, null, null);
  }
}

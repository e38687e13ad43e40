package dev.custos.verify;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.ProgressListener;
import dev.custos.error.EvidenceReadException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.image.ImageFile;
import dev.custos.image.e01.E01FormatException;
import dev.custos.image.e01.E01Info;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report verify IMAGE.E01}: an E01 set another tool wrote (ewfacquire, FTK Imager,
 * Guymager, EnCase), found from its first segment. Its media is re-hashed and compared with the
 * MD5 and SHA-1 it stores, and with any digest given; every chunk is checked against its
 * Adler-32, which only locates damage: only the digests prove. The case fields of its header and
 * its acquiry date are shown as the set states them.
 */
public final class E01Verification {
  private E01Verification() {}

  /** Whether {@code file} is the first segment of an E01 set: its name ends in {@code .E01}, any case. */
  public static boolean isE01(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toUpperCase(Locale.ROOT).endsWith(".E01")
        && Files.isRegularFile(file); // a set reached through links is read as ewfverify reads it
  }

  /**
   * Re-hashes the set and compares.
   *
   * @param given digests the examiner gives, compared too; at most one per algorithm
   * @throws UsageException if two digests are given for one algorithm
   * @throws EvidenceReadException if the set cannot be opened or read (not an E01, a segment missing)
   * @throws InterruptedException if interrupted
   */
  public static VerificationResult verify(Path firstSegment, List<Digest> given, ProgressListener listener, EvidenceClock clock)
      throws UsageException, EvidenceReadException, InterruptedException {
    if (given.stream().map(Digest::algorithm).distinct().count() != given.size()) {
      throw new UsageException("two digests were given for one algorithm: give each algorithm once");
    }
    Instant started = clock.now();
    List<HashAlgorithm> algorithms = new ArrayList<>(List.of(HashAlgorithm.MD5, HashAlgorithm.SHA_1));
    given.stream().map(Digest::algorithm).filter(algorithm -> !algorithms.contains(algorithm)).forEach(algorithms::add);
    E01Rehash.Read read;
    try {
      read = E01Rehash.run(firstSegment, algorithms, null, listener);
    } catch (E01FormatException e) {
      throw new UsageException(firstSegment + " is not an E01 set Custos can read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new EvidenceReadException("cannot read the E01 set " + firstSegment + ": " + e.getMessage(), e);
    }
    E01Info info = read.info();
    String first = String.valueOf(firstSegment.getFileName());
    List<Digest> expected = new ArrayList<>(given);
    List<Problem> problems = new ArrayList<>();
    stored(info.storedMd5(), HashAlgorithm.MD5, given, expected, problems, first);
    stored(info.storedSha1(), HashAlgorithm.SHA_1, given, expected, problems, first);
    List<Digest> computed = read.computed().digests().stream()
        .filter(digest -> expected.stream().anyMatch(e -> e.algorithm() == digest.algorithm())).toList();
    List<DigestComparison> comparisons = DigestComparison.of(expected, computed);
    for (DigestComparison comparison : comparisons) {
      if (!comparison.matches()) {
        problems.add(new Problem(first, comparison.algorithm().displayName() + " of the media is " + comparison.computed()
            + "; stored or given: " + comparison.recorded()));
      }
    }
    if (expected.isEmpty()) {
      problems.add(new Problem(first, "the set stores no MD5 or SHA-1 and none was given: its chunks' Adler-32 only locate"
          + " damage, they prove nothing; give the digests recorded at acquisition (--md5, --sha1, --sha256, --sha512)"));
    }
    problems.addAll(E01Rehash.damage(read, first));
    long stored = info.segments().stream().mapToLong(ImageFile::sizeBytes).sum();
    String files = info.segments().size() + " segment file" + (info.segments().size() == 1 ? " " : "s ") + first
        + (info.segments().size() == 1 ? "" : " … " + info.segments().get(info.segments().size() - 1).name()) + ", " + stored
        + " bytes holding " + info.mediaBytes() + " bytes of media (" + info.sectorCount() + " sectors of " + info.bytesPerSector()
        + " bytes)" + caseFields(info);
    ImageFindings findings = new ImageFindings(ImageFindings.Subject.IMAGE, ImageFindings.RecordedFrom.E01, info.mediaBytes(),
        read.computed().elapsedMillis(), comparisons, null, 0, 0, List.of());
    long matching = comparisons.stream().filter(DigestComparison::matches).count();
    String digests = matching + " of " + comparisons.size() + " digests of the media match the stored or given ("
        + String.join(", ", comparisons.stream().map(c -> c.algorithm().id()).toList()) + "); " + info.chunkCount()
        + " chunks checked (zlib stream or stored bytes against their Adler-32), "
        + (read.damage().isEmpty() ? "none damaged" : read.damage().size() + " damaged");
    List<CheckResult> checks = List.of(CheckResult.pass(Check.IMAGE_FILES, files), CheckResult.of(Check.IMAGE_DIGESTS, digests, problems));
    return new VerificationResult(firstSegment.toAbsolutePath().normalize(), started, clock.now(), checks, findings, null, null);
  }

  /** A stored digest is expected unless one is given for its algorithm: then both must agree. */
  private static void stored(Optional<byte[]> stored, HashAlgorithm algorithm, List<Digest> given, List<Digest> expected,
      List<Problem> problems, String file) {
    if (stored.isEmpty()) {
      return;
    }
    Digest digest = Digest.of(algorithm, stored.get());
    Optional<Digest> alsoGiven = given.stream().filter(g -> g.algorithm() == algorithm).findFirst();
    if (alsoGiven.isEmpty()) {
      expected.add(digest);
    } else if (!alsoGiven.get().equals(digest)) {
      problems.add(new Problem(file, "the set stores " + algorithm.displayName() + " " + digest.hex() + ", but "
          + alsoGiven.get().hex() + " was given"));
    }
  }

  /** header2 states its dates in seconds since 1970 (UTC); header as local "year month day hour minute second". */
  private static String readableDate(String stated) {
    if (stated.matches("\\d{1,12}")) {
      return java.time.Instant.ofEpochSecond(Long.parseLong(stated)) + " (" + stated + " s since 1970)";
    }
    return stated;
  }

  /** The header's case fields and acquiry date, as the set states them. */
  private static String caseFields(E01Info info) {
    Map<String, String> fields = info.caseFields();
    StringBuilder text = new StringBuilder();
    String[][] named = {{"c", "case"}, {"n", "evidence"}, {"e", "examiner"}, {"a", "description"}, {"t", "notes"}};
    for (String[] field : named) {
      String value = fields.get(field[0]);
      if (value != null && !value.isEmpty()) {
        text.append("; ").append(field[1]).append(' ').append(value);
      }
    }
    info.acquiryDate().ifPresent(date -> text.append("; acquired ").append(readableDate(date)).append(" (as the set states it)"));
    return text.toString();
  }
}

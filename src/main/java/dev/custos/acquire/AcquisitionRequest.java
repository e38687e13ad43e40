package dev.custos.acquire;

import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.evidence.CaseInfo;
import dev.custos.image.ImageLayout;
import dev.custos.io.WholeUnits;
import dev.custos.rescue.RescueOptions;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the examiner asked for. Validated at construction; the checks that need the source (sector
 * size, space, write-block) are made by {@link Acquisition}.
 *
 * @param source the device, partition or image file to read
 * @param outputDirectory the new evidence directory
 * @param caseInfo case, evidence, examiner, description, notes
 * @param layout raw single file or split segments
 * @param algorithms the whole-image digests, at least one, no repeats
 * @param pieceAlgorithm how piece digests are computed
 * @param pieceSize bytes per piece digest, a positive multiple of 512
 * @param blockSize bytes per read, a positive multiple of 4096
 * @param rescue how a failing source is read: retry passes, time limit, direction
 * @param setReadOnly whether to set the kernel's read-only flag of a device
 * @param hardwareBlocker the declared hardware write blocker, or {@code null}
 */
public record AcquisitionRequest(
    Path source,
    Path outputDirectory,
    CaseInfo caseInfo,
    ImageLayout layout,
    List<HashAlgorithm> algorithms,
    PieceAlgorithm pieceAlgorithm,
    long pieceSize,
    int blockSize,
    RescueOptions rescue,
    boolean setReadOnly,
    String hardwareBlocker) {

  /** This request, reading {@code newSource} and computing {@code newAlgorithms}. */
  AcquisitionRequest reading(Path newSource, List<HashAlgorithm> newAlgorithms) {
    return new AcquisitionRequest(newSource, outputDirectory, caseInfo, layout, newAlgorithms, pieceAlgorithm, pieceSize, blockSize,
        rescue, setReadOnly, hardwareBlocker);
  }

  /** Passes over the bad sectors after scraping. */
  public int retries() {
    return rescue.retries();
  }

  /** Default bytes per read; see the README's performance section for how it was chosen. */
  public static final int DEFAULT_BLOCK_SIZE = 1 << 20;
  /** Default piece digest: cryptographic, so that a resumption may keep the pieces that match; see {@link PieceAlgorithm}. */
  public static final PieceAlgorithm DEFAULT_PIECE_ALGORITHM = PieceAlgorithm.SHA_256;
  /** Default bytes per piece digest. */
  public static final long DEFAULT_PIECE_SIZE = 64L << 20;
  /** The largest read: the buffer pool holds a few blocks, and must stay a small part of the heap. */
  public static final int MAX_BLOCK_SIZE = 256 << 20;
  /** Default retry passes over the bad sectors. */
  public static final int DEFAULT_RETRIES = 3;
  /** Default rescue: {@link #DEFAULT_RETRIES} retry passes, no time limit, forwards. */
  public static final RescueOptions DEFAULT_RESCUE = new RescueOptions(DEFAULT_RETRIES, Optional.empty(), false);
  /** Default digests: MD5 for the courts that expect it, SHA-256 for strength. */
  public static final List<HashAlgorithm> DEFAULT_ALGORITHMS = List.of(HashAlgorithm.MD5, HashAlgorithm.SHA_256);

  /**
   * @throws IllegalArgumentException naming the value, if any is out of range
   */
  public AcquisitionRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(caseInfo, "caseInfo");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(pieceAlgorithm, "pieceAlgorithm");
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one hash algorithm is needed");
    }
    if (new LinkedHashSet<>(algorithms).size() != algorithms.size()) {
      throw new IllegalArgumentException("a hash algorithm is named twice: " + algorithms);
    }
    algorithms = List.copyOf(algorithms);
    if (!WholeUnits.fits(pieceSize, 512)) {
      throw new IllegalArgumentException(WholeUnits.refusal("piece size", pieceSize, 512, "512-byte sectors", Long.MAX_VALUE));
    }
    // Reads go past the page cache (O_DIRECT), whose buffers and offsets are whole 4096-byte pages.
    if (!WholeUnits.fits(blockSize, 4096)) {
      throw new IllegalArgumentException(WholeUnits.refusal("block size", blockSize, 4096, "4096-byte pages", MAX_BLOCK_SIZE));
    }
    if (blockSize > MAX_BLOCK_SIZE) {
      throw new IllegalArgumentException("block size must be at most 256MiB (" + MAX_BLOCK_SIZE + " bytes), got " + blockSize);
    }
    Objects.requireNonNull(rescue, "rescue");
    if (layout.isE01() && !algorithms.contains(HashAlgorithm.MD5)) {
      throw new IllegalArgumentException("an E01 set records the MD5 of its media: add md5 to --hash (E01 holds MD5 and SHA-1;"
          + " SHA-256 and SHA-512 stay in the manifest)");
    }
  }
}

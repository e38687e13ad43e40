package dev.custos.verify;

import dev.custos.digest.PieceAlgorithm;
import java.util.List;
import java.util.Objects;

/**
 * What re-reading an image (or a source) found. Immutable. The whole digests decide whether the
 * bytes are as recorded; the pieces only say where they are not, and CRC pieces only locate
 * accidental damage ({@link PieceAlgorithm#proves()}).
 *
 * @param of what was read and hashed now: the image, or the source
 * @param recordedFrom where the digests compared with come from: the manifest (the image as
 *     acquired), or the command line
 * @param sizeBytes bytes read
 * @param elapsedMillis how long the read took
 * @param digests every whole digest compared
 * @param pieceAlgorithm the piece digest, or null when there are no pieces
 * @param pieceSize bytes per piece, 0 when there are none
 * @param piecesCompared how many pieces were compared
 * @param damaged every piece that differs or is missing, ascending
 */
public record ImageFindings(Subject of, RecordedFrom recordedFrom, long sizeBytes, long elapsedMillis, List<DigestComparison> digests,
    PieceAlgorithm pieceAlgorithm, long pieceSize, int piecesCompared, List<DamagedPiece> damaged) {
  public ImageFindings {
    Objects.requireNonNull(of, "of");
    Objects.requireNonNull(recordedFrom, "recordedFrom");
    digests = List.copyOf(digests);
    damaged = List.copyOf(damaged);
  }

  /** What a digest computed now is of. */
  public enum Subject {
    IMAGE("image"),
    SOURCE("source");

    private final String id;

    Subject(String id) {
      this.id = id;
    }

    /** {@code image} or {@code source}, as printed and in {@code --json}. */
    public String id() {
      return id;
    }
  }

  /** Where the digests compared with come from. */
  public enum RecordedFrom {
    /** The manifest: the digests of the image as it was acquired, that is of the source as read then. */
    MANIFEST("manifest"),
    /** The command line (an image another tool acquired). */
    GIVEN("given"),
    /** An E01 set's own hash and digest sections (an E01 another tool acquired), and any given on the command line. */
    E01("e01");

    private final String id;

    RecordedFrom(String id) {
      this.id = id;
    }

    /** {@code manifest} or {@code given}, in {@code --json}. */
    public String id() {
      return id;
    }
  }

  /** Whether every whole digest compared matches; false when none was compared. */
  public boolean wholeDigestsMatch() {
    return !digests.isEmpty() && digests.stream().allMatch(DigestComparison::matches);
  }

  /** Whether a whole digest was compared and differs. */
  public boolean wholeDigestDiffers() {
    return digests.stream().anyMatch(digest -> !digest.matches());
  }

  /**
   * What the pieces say: where the bytes differ, never whether they do. When a whole digest
   * differs and no piece does, no piece "matches": none located the difference. CRC pieces are
   * said to locate only accidental damage: a change can be given any CRC.
   */
  public String piecesSummary() {
    if (pieceAlgorithm == null) {
      throw new IllegalStateException("no pieces were compared");
    }
    String kind = pieceAlgorithm().id() + " pieces of " + pieceSize() + " bytes";
    String crc = pieceAlgorithm().proves() ? "" : "CRC pieces only locate accidental damage";
    StringBuilder text = new StringBuilder();
    if (!damaged().isEmpty()) {
      text.append(damaged().size()).append(" of ").append(piecesCompared()).append(' ').append(kind)
          .append(damaged().size() == 1 ? " differs" : " differ").append(" (named below)");
      if (!crc.isEmpty()) {
        text.append(" — ").append(crc).append(": others may differ too");
      }
    } else if (wholeDigestDiffers()) {
      text.append("none of the ").append(piecesCompared()).append(' ').append(kind).append(" located the difference — ")
          .append(crc.isEmpty() ? "" : crc + "; ").append("the whole-image digests decide");
    } else {
      text.append(piecesCompared()).append(" of ").append(piecesCompared()).append(' ').append(kind).append(" match");
      if (!crc.isEmpty()) {
        text.append(" — ").append(crc).append(digests().isEmpty() ? ": they prove nothing" : "; the whole-image digests decide");
      }
    }
    return text.toString();
  }

  /** Read rate in bytes per second. */
  public long bytesPerSecond() {
    return elapsedMillis == 0 ? 0 : Math.round(sizeBytes * 1000.0 / elapsedMillis);
  }
}

package dev.custos.verify;

import dev.custos.digest.PieceAlgorithm;
import java.util.List;

/**
 * What re-reading an image (or a source) found. Immutable.
 *
 * @param sizeBytes bytes read
 * @param elapsedMillis how long the read took
 * @param digests every whole digest compared
 * @param pieceAlgorithm the piece digest, or null when there are no pieces
 * @param pieceSize bytes per piece, 0 when there are none
 * @param piecesCompared how many pieces were compared
 * @param damaged every piece that differs or is missing, ascending
 */
public record ImageFindings(long sizeBytes, long elapsedMillis, List<DigestComparison> digests, PieceAlgorithm pieceAlgorithm,
    long pieceSize, int piecesCompared, List<DamagedPiece> damaged) {
  public ImageFindings {
    digests = List.copyOf(digests);
    damaged = List.copyOf(damaged);
  }

  /** Read rate in bytes per second. */
  public long bytesPerSecond() {
    return elapsedMillis == 0 ? 0 : Math.round(sizeBytes * 1000.0 / elapsedMillis);
  }
}

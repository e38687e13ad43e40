package dev.custos.digest;

import java.io.IOException;

/**
 * Told of each piece digest as it completes, on the piece thread: how an acquisition keeps a
 * progress record that survives a crash, and how a resumption checks the pieces it re-hashes.
 */
@FunctionalInterface
public interface PieceListener {
  /** Does nothing. */
  PieceListener NONE = (index, digest) -> { };

  /**
   * Piece {@code index} (0-based) has the digest {@code digest}.
   *
   * @throws IOException if the listener cannot record it; the pipeline then stops
   */
  void pieceCompleted(long index, PieceDigest digest) throws IOException;
}

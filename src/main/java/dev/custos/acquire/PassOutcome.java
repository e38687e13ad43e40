package dev.custos.acquire;

import dev.custos.evidence.Manifest;

/** How a pass of {@link ReadRun} ended: recorded, or to begin again before a piece. */
sealed interface PassOutcome permits PassOutcome.Recorded, PassOutcome.PieceMismatch {
  /** The pass ran to its end (completed or interrupted) and {@code manifest} records it. */
  record Recorded(Manifest manifest) implements PassOutcome {}

  /**
   * A recorded piece of the image is not what it should be: it re-hashed to another digest, or
   * (CRC pieces) differs from the source. Nothing was recorded; the pass must begin again before
   * {@code piece}, and {@code why} says why.
   */
  record PieceMismatch(long piece, String why) implements PassOutcome {}
}

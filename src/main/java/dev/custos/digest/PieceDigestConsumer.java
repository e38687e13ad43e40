package dev.custos.digest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One digest per fixed-size piece of the stream, so that a later verification can name the byte
 * range (and so the sectors) that changed. Piece {@code i} covers bytes {@code [i * pieceSize,
 * (i + 1) * pieceSize)}; the last piece may be shorter. Blocks need not align with pieces.
 *
 * <p>Threading: fed by its pipeline thread. {@link #completedPieces()} may be read by any thread
 * at any time (it is how an interrupted acquisition records the pieces it finished); {@link
 * #result()} once {@link BlockPipeline#finish()} has returned.
 */
public final class PieceDigestConsumer implements BlockConsumer {
  private final PieceAlgorithm algorithm;
  private final long pieceSize;
  private final PieceAlgorithm.Running running;
  private final PieceListener listener;
  private final List<PieceDigest> completed = new ArrayList<>();
  private long bytesInPiece;
  private volatile boolean finished;

  /**
   * @throws IllegalArgumentException if {@code pieceSize} is not positive
   */
  public PieceDigestConsumer(PieceAlgorithm algorithm, long pieceSize) {
    this(algorithm, pieceSize, PieceListener.NONE);
  }

  /**
   * As {@link #PieceDigestConsumer(PieceAlgorithm, long)}, telling {@code listener} of each piece
   * as it completes (on this consumer's thread).
   */
  public PieceDigestConsumer(PieceAlgorithm algorithm, long pieceSize, PieceListener listener) {
    if (pieceSize <= 0) {
      throw new IllegalArgumentException("piece size must be positive, got " + pieceSize);
    }
    this.algorithm = algorithm;
    this.pieceSize = pieceSize;
    this.running = algorithm.newRunning();
    this.listener = listener;
  }

  @Override
  public String name() {
    return "pieces-" + algorithm.id();
  }

  @Override
  public void accept(Block block) throws IOException {
    int position = 0;
    while (position < block.length()) {
      int take = (int) Math.min(block.length() - position, pieceSize - bytesInPiece);
      running.update(block.data(), position, take);
      position += take;
      bytesInPiece += take;
      if (bytesInPiece == pieceSize) {
        completePiece();
      }
    }
  }

  @Override
  public void finish() throws IOException {
    if (bytesInPiece > 0) {
      completePiece();
    }
    finished = true;
  }

  private void completePiece() throws IOException {
    PieceDigest digest = running.finish();
    int index;
    synchronized (completed) {
      index = completed.size();
      completed.add(digest);
    }
    bytesInPiece = 0;
    listener.pieceCompleted(index, digest);
  }

  /** The digests of the pieces completed so far, in order. */
  public List<PieceDigest> completedPieces() {
    synchronized (completed) {
      return List.copyOf(completed);
    }
  }

  /**
   * Every piece's digest, the last one possibly of a short piece.
   *
   * @throws IllegalStateException if the pipeline has not finished successfully
   */
  public List<PieceDigest> result() {
    if (!finished) {
      throw new IllegalStateException("piece digests are not complete");
    }
    return completedPieces();
  }
}

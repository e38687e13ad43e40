package dev.custos.acquire;

import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.error.SourceAccessException;
import dev.custos.error.UsageException;
import dev.custos.source.BlockSource;
import dev.custos.source.ReadOutcome;
import java.io.IOException;

/**
 * The last check that a resumption reads the drive it began on: the last recorded piece without
 * unreadable sectors is read again from the source and must have its recorded digest. Size, model
 * and serial tell drives apart, but not two files of one size, nor a drive written to since.
 * With CRC pieces this can only refuse: a CRC that matches proves nothing, and the prefix is then
 * compared with the source byte for byte ({@link SourceComparison}).
 */
final class SameContentCheck {
  private SameContentCheck() {}

  /**
   * @throws UsageException if the piece reads differently now
   * @throws SourceAccessException if it cannot be read
   */
  static void require(BlockSource source, ResumePoint point, PieceAlgorithm algorithm, long pieceSize, int blockSize)
      throws UsageException, SourceAccessException {
    int index = point.pieces().size() - 1;
    while (index >= 0 && !point.pieces().get(index).badSectors().isEmpty()) {
      index--;
    }
    if (index < 0) {
      return; // nothing read cleanly yet to compare with
    }
    long start = index * pieceSize;
    long end = Math.min(start + pieceSize, source.size());
    PieceAlgorithm.Running running = algorithm.newRunning();
    byte[] buffer = new byte[blockSize];
    try {
      for (long position = start; position < end; ) {
        int length = (int) Math.min(buffer.length, end - position);
        ReadOutcome outcome = source.read(position, buffer, 0, length);
        if (outcome instanceof ReadOutcome.Failed failed) {
          throw failed.cause();
        }
        int read = outcome.bytes();
        if (read <= 0) {
          throw new IOException("the source ended at byte " + position);
        }
        running.update(buffer, 0, read);
        position += read;
      }
    } catch (IOException e) {
      throw new SourceAccessException("cannot read piece " + index + " of " + source.identity().path()
          + " again to check it is the same source: " + e.getMessage(), e);
    }
    PieceDigest now = running.finish();
    PieceDigest recorded = point.pieces().get(index).digest();
    if (!now.equals(recorded)) {
      throw new UsageException("refusing to resume from " + source.identity().path() + ": piece " + index + " (bytes " + start
          + "-" + (end - 1) + ") reads as " + algorithm.id() + " " + now.hex() + ", recorded " + recorded.hex()
          + ": it is not the source the acquisition began on, or it changed since");
    }
  }
}

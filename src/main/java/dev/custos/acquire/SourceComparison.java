package dev.custos.acquire;

import dev.custos.source.ReadOnlySource;
import java.io.IOException;
import java.util.Arrays;

/**
 * The check of a resumed image's prefix when its pieces are CRCs: each block of the prefix, as the
 * image holds it, must equal what the source gives now, byte for byte. A CRC that re-hashes to its
 * record proves nothing (CRC-32C is linear: four chosen bytes give any change any CRC, and ext4
 * metadata blocks that carry their own CRC-32C can be swapped without changing a piece's CRC), so
 * only the source can say whether the prefix is the source's.
 *
 * <p>Where they differ, or the source cannot be read to compare, the resumption begins again at
 * that piece: the source is read from there and its bytes replace the image's. The source is the
 * evidence; an unfinished image is only what Custos has copied of it so far, and a copy that
 * disagrees with its original is not kept.
 *
 * <p>Threading: the reading thread only (it shares the source's staging buffer).
 */
final class SourceComparison {
  private final ReadOnlySource source;
  private final byte[] fromSource;
  private final long pieceSize;

  SourceComparison(ReadOnlySource source, int blockSize, long pieceSize) {
    this.source = source;
    this.fromSource = new byte[blockSize];
    this.pieceSize = pieceSize;
  }

  /**
   * Compares the image's bytes {@code [position, position + length)}, held in {@code image}, with the source's.
   *
   * @return why the piece holding the first difference must be read again, or {@code null} when they are equal
   */
  ReadRun.PieceMismatch compare(long position, byte[] image, int length) {
    int done = 0;
    try {
      while (done < length) {
        int read = source.read(position + done, fromSource, done, length - done);
        if (read <= 0) {
          return mismatch(position + done, "could not be compared with the source at byte " + (position + done)
              + " (the source ended there)");
        }
        done += read;
      }
    } catch (IOException e) {
      return mismatch(position + done, "could not be compared with the source at byte " + (position + done) + " ("
          + e.getMessage() + ")");
    }
    int differs = Arrays.mismatch(image, 0, length, fromSource, 0, length);
    return differs < 0 ? null : mismatch(position + differs, "differs from the source at byte " + (position + differs));
  }

  private ReadRun.PieceMismatch mismatch(long at, String what) {
    long piece = at / pieceSize;
    return new ReadRun.PieceMismatch(piece, "piece " + piece + " of the image " + what
        + ": CRC pieces prove nothing, so the image is kept only where it equals the source; the source is read again from byte "
        + piece * pieceSize + " and its bytes replace the image's");
  }
}

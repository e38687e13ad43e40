package dev.custos.image.e01;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one chunk's stored bytes and checks them: a zlib stream must inflate completely to the
 * chunk's length (zlib checks its own Adler-32), stored bytes must match the Adler-32 after them.
 *
 * <p>Not thread-safe: one decoder (one {@link Inflater}) per reading thread. The channels it reads
 * are read positionally, which {@link FileChannel} allows from several threads.
 */
final class ChunkDecoder {
  private final Inflater inflater = new Inflater();

  /**
   * A decoded chunk: its media bytes (zeros when damaged) and what was wrong, if anything.
   *
   * @param reason empty when the chunk is intact
   */
  record Decoded(long index, byte[] data, String reason) {}

  /**
   * Decodes chunk {@code index} of {@code mediaLength} bytes from {@code location}.
   *
   * @throws IOException if the segment file cannot be read
   */
  Decoded decode(long index, ChunkLocation location, FileChannel channel, int mediaLength) throws IOException {
    if (location == null) {
      return new Decoded(index, new byte[mediaLength], "no table entry locates this chunk");
    }
    if (!location.problem().isEmpty()) {
      return new Decoded(index, new byte[mediaLength], location.problem());
    }
    if (location.compressed()) {
      int readable = (int) Math.min(location.storedSize(), (long) mediaLength * 2 + 1024);
      byte[] stored = SectionWalker.read(channel, location.fileOffset(), readable);
      byte[] data = new byte[mediaLength];
      inflater.reset();
      inflater.setInput(stored);
      try {
        int n = 0;
        while (n < mediaLength && !inflater.finished()) {
          int got = inflater.inflate(data, n, mediaLength - n);
          if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            return damaged(index, mediaLength, "zlib stream is corrupt: it ends after " + n + " bytes");
          }
          n += got;
        }
        if (!inflater.finished()) {
          // More output than the chunk holds, or the stream's end (and its Adler-32) not reached yet.
          byte[] probe = new byte[1];
          int more = inflater.inflate(probe);
          if (more > 0 || !inflater.finished()) {
            return damaged(index, mediaLength, "decompresses to more than " + mediaLength + " bytes");
          }
        }
        if (n != mediaLength) {
          return damaged(index, mediaLength, "decompresses to " + n + " bytes, not " + mediaLength);
        }
        return new Decoded(index, data, "");
      } catch (DataFormatException e) {
        return damaged(index, mediaLength, "zlib stream is corrupt: " + e.getMessage());
      }
    }
    if (location.storedSize() < mediaLength + 4L) {
      return damaged(index, mediaLength, "stored chunk is " + location.storedSize() + " bytes, not " + (mediaLength + 4));
    }
    byte[] stored = SectionWalker.read(channel, location.fileOffset(), mediaLength + 4);
    if (stored.length < mediaLength + 4) {
      return damaged(index, mediaLength, "the segment file ends inside the chunk");
    }
    int expected = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).getInt(mediaLength);
    int computed = Checksums.adler32(stored, 0, mediaLength);
    if (expected != computed) {
      return damaged(index, mediaLength, "Adler-32 mismatch: stored " + Checksums.hex(expected) + ", computed "
          + Checksums.hex(computed));
    }
    return new Decoded(index, java.util.Arrays.copyOf(stored, mediaLength), "");
  }

  private static Decoded damaged(long index, int mediaLength, String reason) {
    return new Decoded(index, new byte[mediaLength], reason);
  }

  /** Frees the inflater. */
  void end() {
    inflater.end();
  }
}

package dev.custos.image.e01;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Packs one chunk at a time as {@link E01Compression} says, reusing one {@link Deflater}.
 *
 * <p>Not thread-safe: one packer per compressing thread. {@link #end()} frees the deflater's native
 * memory.
 */
final class ChunkPacker {
  private final E01Compression compression;
  private final Deflater deflater;

  ChunkPacker(E01Compression compression) {
    this.compression = compression;
    int level = compression == E01Compression.BEST ? Deflater.BEST_COMPRESSION : Deflater.BEST_SPEED;
    this.deflater = new Deflater(level);
  }

  /**
   * Packs chunk {@code index}, media bytes {@code data[0, length)}; {@code data} has 4 bytes of room
   * past {@code length} for the Adler-32 of a stored chunk and becomes the packed chunk's array then.
   */
  PackedChunk pack(long index, byte[] data, int length) {
    boolean tryCompression = switch (compression) {
      case NONE -> false;
      case EMPTY_BLOCK -> allBytesEqual(data, length);
      case FAST, BEST -> true;
    };
    if (tryCompression) {
      // Only a stream shorter than the media bytes is used, as libewf does: a stored chunk is never
      // more than 4 bytes longer, and reads without inflating.
      byte[] out = new byte[length];
      deflater.reset();
      deflater.setInput(data, 0, length);
      deflater.finish();
      int n = 0;
      while (!deflater.finished() && n < out.length) {
        n += deflater.deflate(out, n, out.length - n);
      }
      if (deflater.finished() && n < length) {
        return new PackedChunk(index, out, n, length, true);
      }
    }
    ByteBuffer.wrap(data, length, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(Checksums.adler32(data, 0, length));
    return new PackedChunk(index, data, length + 4, length, false);
  }

  /**
   * Whether {@code data[0, length)} is one byte repeated (libewf's "empty block"): comparing the
   * array with itself shifted by one byte, which {@link Arrays#mismatch} does in wide words.
   */
  static boolean allBytesEqual(byte[] data, int length) {
    return length <= 1 || Arrays.mismatch(data, 0, length - 1, data, 1, length) < 0;
  }

  /** Frees the deflater. */
  void end() {
    deflater.end();
  }
}

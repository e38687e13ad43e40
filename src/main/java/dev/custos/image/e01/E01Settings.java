package dev.custos.image.e01;

import java.util.Objects;

/**
 * How an E01 is written.
 *
 * <p>The segment size is bounded as libewf bounds it for the EnCase 6 format: at least {@link
 * #MIN_SEGMENT_SIZE} (1 MiB), at most {@link #MAX_SEGMENT_SIZE} (libewf's "7.9 EiB" limit for
 * EnCase 6, 2^63 - 1). A segment larger than 2 GiB is fine for EnCase 6: its chunks are grouped in
 * several sectors sections, each below 2 GiB, since table entries hold 31-bit offsets.
 *
 * @param baseName file name without extension: {@code image} gives {@code image.E01}, {@code
 *     image.E02}, …; no directory part
 * @param segmentSizeBytes the largest size of one segment file
 * @param compression how chunks are compressed
 * @param compressionThreads how many threads compress chunks, at least 1
 */
public record E01Settings(String baseName, long segmentSizeBytes, E01Compression compression, int compressionThreads) {
  /** The default segment size, 1500 MiB (fits on a FAT32 volume and a CD's worth of old habits). */
  public static final long DEFAULT_SEGMENT_SIZE = 1500L << 20;
  /** The smallest segment size libewf accepts, 1 MiB. */
  public static final long MIN_SEGMENT_SIZE = 1L << 20;
  /** The largest segment size libewf accepts for EnCase 6. */
  public static final long MAX_SEGMENT_SIZE = Long.MAX_VALUE;

  /**
   * @throws IllegalArgumentException if the base name is empty or has a directory part, the segment
   *     size is out of bounds, or the thread count is below 1
   * @throws NullPointerException if the name or compression is null
   */
  public E01Settings {
    Objects.requireNonNull(baseName, "baseName");
    Objects.requireNonNull(compression, "compression");
    if (baseName.isEmpty() || baseName.contains("/") || baseName.equals(".") || baseName.equals("..")) {
      throw new IllegalArgumentException("E01 base name must be a plain file name, got '" + baseName + "'");
    }
    if (segmentSizeBytes < MIN_SEGMENT_SIZE) {
      throw new IllegalArgumentException("E01 segment size must be at least " + MIN_SEGMENT_SIZE
          + " bytes (1 MiB, as libewf requires), got " + segmentSizeBytes);
    }
    if (compressionThreads < 1) {
      throw new IllegalArgumentException("E01 compression threads must be at least 1, got " + compressionThreads);
    }
  }
}

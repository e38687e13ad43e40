package dev.custos.partition;

import java.io.IOException;

/**
 * The bytes a partition table is read from: an image file, or the part of a compressed image
 * that was decompressed. Not thread-safe unless the implementation says so.
 */
public interface Media {
  /** Bytes of the whole media. */
  long size();

  /**
   * Bytes from byte 0 that {@link #read} can give: {@link #size()} for an image read at random,
   * less for a media only its head of which was read (an E01 set is read sequentially, and the
   * backup GPT header at its end is then not checked).
   */
  default long readableBytes() {
    return size();
  }

  /**
   * Reads exactly {@code length} bytes from {@code position} into {@code into[0, length)}.
   *
   * @throws IOException if they cannot be read; the caller never asks past {@link #readableBytes()}
   */
  void read(long position, byte[] into, int length) throws IOException;
}

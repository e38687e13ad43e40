package dev.custos.rescue;

import java.io.IOException;

/** Where the rescue phases put the bytes they read: the image, at the same offset as in the source. */
@FunctionalInterface
public interface RecoveredBytes {
  /**
   * Writes {@code data[offset, offset + length)} at byte {@code position} of the image.
   *
   * @throws IOException if the image cannot be written
   */
  void write(long position, byte[] data, int offset, int length) throws IOException;
}

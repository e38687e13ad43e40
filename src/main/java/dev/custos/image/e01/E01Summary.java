package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import java.util.List;

/**
 * What {@link E01Writer#finish} wrote.
 *
 * @param mediaBytes media bytes imaged
 * @param chunks chunks written
 * @param compressedChunks of those, how many are stored compressed
 * @param storedBytes the sum of the segment files' sizes
 * @param files the segment files, in order
 */
public record E01Summary(long mediaBytes, long chunks, long compressedChunks, long storedBytes, List<ImageFile> files) {
  /** Keeps an unmodifiable copy of {@code files}. */
  public E01Summary {
    files = List.copyOf(files);
  }
}

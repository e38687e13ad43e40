package dev.custos.image;

import java.util.Objects;

/**
 * One file of an image: its name relative to the evidence directory and its exact size in bytes.
 *
 * @param name file name, relative (no directory part), e.g. {@code image.001}
 * @param sizeBytes exact size
 */
public record ImageFile(String name, long sizeBytes) {
  /**
   * @throws IllegalArgumentException if the name is empty or has a directory part, or the size is
   *     negative
   */
  public ImageFile {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
      throw new IllegalArgumentException("image file name must be a plain file name, got '" + name + "'");
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("image file size must not be negative, got " + sizeBytes);
    }
  }
}

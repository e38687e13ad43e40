package dev.custos.image.e01;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file is not an E01 this reader can read: a wrong signature, a section chain that cannot be
 * followed, no volume section, a missing segment. The message names the file and the offset.
 */
public final class E01FormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code offset} of {@code file}. */
  public E01FormatException(Path file, long offset, String problem) {
    super(file + " at offset " + offset + ": " + problem);
  }

  /** A problem with {@code file} as a whole (missing, unreadable), with its cause. */
  public E01FormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}

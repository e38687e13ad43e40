package dev.custos.acquire;

import dev.custos.error.EvidenceWriteException;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.nio.file.Files;

/** Turns a failure of the pipeline's consumers into a message an examiner can act on. */
final class TargetFailures {
  private TargetFailures() {}

  static EvidenceWriteException describe(Throwable failure, long written, long sourceSize, EvidenceDirectory directory) {
    return describe(failure, written, sourceSize, directory, false);
  }

  /**
   * As {@link #describe(Throwable, long, long, EvidenceDirectory)}; for an E01 set ({@code e01})
   * {@code written} counts bytes of media the set had taken, not bytes on disk, and how much more
   * the set needs cannot be told before it is compressed.
   */
  static EvidenceWriteException describe(Throwable failure, long written, long sourceSize, EvidenceDirectory directory,
      boolean e01) {
    Throwable cause = failure.getCause() != null && !(failure instanceof IOException) ? failure.getCause() : failure;
    String message = String.valueOf(cause.getMessage());
    boolean full = message.contains("No space left on device") || message.contains("Disk quota exceeded");
    if (e01) {
      return new EvidenceWriteException((full ? "target disk full writing " + directory.root() + ": the E01 set had taken "
          : "writing the E01 set in " + directory.root() + " failed after ") + written + " of " + sourceSize
          + " bytes of media" + (full ? ", compressed; " + freeSpace(directory) + " bytes free" : ": " + message), failure);
    }
    if (full) {
      long free = freeSpace(directory);
      return new EvidenceWriteException("target disk full writing " + directory.root() + ": wrote " + written
          + " of " + sourceSize + " bytes, needs " + (sourceSize - written) + " bytes more, "
          + free + " bytes free", failure);
    }
    return new EvidenceWriteException("writing the image in " + directory.root() + " failed after "
        + written + " bytes: " + message, failure);
  }

  private static long freeSpace(EvidenceDirectory directory) {
    try {
      return Files.getFileStore(directory.root()).getUsableSpace();
    } catch (IOException e) {
      return -1;
    }
  }
}

package dev.custos.acquire;

import dev.custos.error.EvidenceWriteException;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.nio.file.Files;

/** Turns a failure of the pipeline's consumers into a message an examiner can act on. */
final class TargetFailures {
  private TargetFailures() {}

  static EvidenceWriteException describe(Throwable failure, long written, long sourceSize, EvidenceDirectory directory) {
    Throwable cause = failure.getCause() != null && !(failure instanceof IOException) ? failure.getCause() : failure;
    String message = String.valueOf(cause.getMessage());
    if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
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

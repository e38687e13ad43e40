package dev.custos.cli;

import dev.custos.verify.Verification;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The checks {@code acquire image --verify-image / --verify-source} asked for, run once the
 * manifest is written. Immutable.
 *
 * @param image whether to read the image back from the disk and compare
 * @param source the source to read again, with the write-block options of the acquisition; null for none
 * @param beforeChecks what runs between the manifest and the checks: nothing, but in tests that
 *     alter the image on disk to show that the check sees it
 */
record AfterAcquisitionChecks(boolean image, Verification.SourceRequest source, BeforeChecks beforeChecks) {
  /** No check asked for. */
  static final AfterAcquisitionChecks NONE = new AfterAcquisitionChecks(false, null, BeforeChecks.NOTHING);

  /** Whether any check was asked for. */
  boolean any() {
    return image || source != null;
  }

  /** A seam between the manifest and the checks; the command line never sets it. */
  @FunctionalInterface
  interface BeforeChecks {
    BeforeChecks NOTHING = directory -> {};

    void run(Path directory) throws IOException;
  }
}

package dev.custos.verify;

import dev.custos.digest.ProgressListener;
import dev.custos.error.SourceAccessException;
import dev.custos.image.ImageFile;
import dev.custos.source.BadSectorMap;
import dev.custos.source.ReadOnlySource;
import dev.custos.source.SourceBlockReader;
import dev.custos.source.SourceIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Check 6: the source re-read, read-only and write-blocked as at acquisition, and its digests
 * compared with the manifest's, as Guymager's "verify source" does. A drive of another size, model
 * or serial is named, not re-read. Unreadable sectors are zero-filled as at acquisition, so a
 * failing drive whose bad sectors have not changed still verifies.
 */
final class SourceCheck {
  /** Retries per failed read: fewer than at acquisition, since this only confirms what was read then. */
  private static final int RETRIES = 1;

  private SourceCheck() {}

  /**
   * @param source the source, inspected and write-blocked by the caller
   * @param recorded what the manifest records
   * @throws SourceAccessException if the source cannot be opened or vanishes while being read
   * @throws InterruptedException if interrupted
   */
  static ImageComparison.Outcome check(SourceIdentity source, RecordedAcquisition recorded, ProgressListener listener)
      throws SourceAccessException, InterruptedException {
    return reread(source, recorded, listener).outcome();
  }

  /**
   * The outcome, and the direct-I/O unit the source was read in ({@code 0} when it was not read,
   * or read through the page cache alone, as a file is): what the read path can truthfully say.
   */
  record Reread(ImageComparison.Outcome outcome, int directUnit) {}

  /** As {@link #check}, also giving the direct-I/O unit of the read. */
  static Reread reread(SourceIdentity source, RecordedAcquisition recorded, ProgressListener listener)
      throws SourceAccessException, InterruptedException {
    List<Problem> identity = identityProblems(source, recorded.source());
    String name = source.path().getFileName() == null ? source.path().toString() : source.path().getFileName().toString();
    if (!identity.isEmpty()) {
      return new Reread(new ImageComparison.Outcome(null, CheckResult.of(Check.SOURCE, source.path() + " not re-read", identity)), 0);
    }
    BadSectorMap badSectors = new BadSectorMap();
    Rehash.Result computed;
    int directUnit;
    try (ReadOnlySource reader = ReadOnlySource.open(source)) {
      directUnit = reader.directIoUnit();
      SourceBlockReader blocks = new SourceBlockReader(reader, RETRIES, badSectors);
      computed = Rehash.run((position, destination, length) -> {
        try {
          blocks.read(position, destination, length);
        } catch (SourceAccessException e) {
          throw new IOException(e.getMessage(), e);
        }
      }, recorded.imageSize(), recorded.algorithms(), recorded.piecesToCompute(), listener, badSectors::sectorCount);
    } catch (IOException e) {
      throw new SourceAccessException("cannot re-read the source " + source.path() + ": " + e.getMessage(), e);
    }
    RecordedAcquisition asSource = new RecordedAcquisition(List.of(new ImageFile(name, recorded.imageSize())), false,
        recorded.sectorSize(), recorded.digests(), recorded.pieces(), recorded.pieceDigests(), recorded.completed(),
        recorded.bytesAcquired(), recorded.source(), recorded.unread(), java.util.Optional.empty(), List.of());
    ImageComparison.Outcome outcome = ImageComparison.compare(Check.SOURCE, asSource, List.of(), computed, recorded.imageSize());
    String summary = source.path() + ": " + outcome.result().summary()
        + (badSectors.sectorCount() == 0 ? "" : "; " + badSectors.sectorCount() + " sectors unreadable now, zero-filled");
    return new Reread(new ImageComparison.Outcome(outcome.findings(),
        new CheckResult(Check.SOURCE, outcome.result().verdict(), summary, outcome.result().problems())), directUnit);
  }

  private static List<Problem> identityProblems(SourceIdentity source, RecordedAcquisition.RecordedSource recorded) {
    List<Problem> problems = new ArrayList<>();
    String name = source.path().toString();
    if (source.sizeBytes() != recorded.sizeBytes()) {
      problems.add(new Problem(null, name + " is " + source.sizeBytes() + " bytes, the source acquired was " + recorded.sizeBytes()
          + " bytes: not the same drive"));
    }
    if (differs(source.model(), recorded.model())) {
      problems.add(new Problem(null, name + " is model '" + source.model() + "', the source acquired was '" + recorded.model() + "'"));
    }
    if (differs(source.serial(), recorded.serial())) {
      problems.add(new Problem(null, name + " has serial '" + source.serial() + "', the source acquired had '" + recorded.serial() + "'"));
    }
    return problems;
  }

  private static boolean differs(String now, String recorded) {
    return now != null && recorded != null && !now.equals(recorded);
  }
}

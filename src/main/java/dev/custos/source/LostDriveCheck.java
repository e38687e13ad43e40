package dev.custos.source;

import dev.custos.error.SourceAccessException;
import java.util.List;
import java.util.Optional;

/**
 * Tells a lost drive from a damaged one after a read failed. A drive that is pulled, reset or
 * whose connection dies answers every read with the same error a bad sector gives (EIO through a
 * loop device, a USB bridge or a dead FUSE daemon); treating it as one huge bad region would try
 * and zero-fill the rest of the drive for hours. So after a failed read the check asks whether the
 * source is still there: its node still opens at its size, and a unit that read fine earlier (the
 * first and the latest good one) still reads, uncached. If the node is gone, the size changed, or
 * every try of every such unit fails too, the source is lost: the check throws a {@link
 * SourceAccessException} naming the byte offset. A bad region leaves its good neighbours readable,
 * so the check costs one small read per failed read. Before any unit has read fine there is
 * nothing to compare with, and failures count as bad sectors. A failure of kind {@link
 * ReadOutcome.FailureKind#GONE} stops at once; so does a short read, a source that ends before its
 * size.
 *
 * <p>Threading: confined to the reader thread.
 */
public final class LostDriveCheck {
  private final BlockSource source;
  private final int tries;
  private final byte[] probe;
  /** The first and the latest error unit that read fine; empty while there is none. */
  private Optional<GoodUnits> goodUnits = Optional.empty();

  /** Offsets of error units that read fine, the references that tell a lost drive from a bad region. */
  private record GoodUnits(long first, long latest) {
    /** Both offsets, latest first: near the head, so a merely damaged drive answers without a long seek. */
    List<Long> latestFirst() {
      return first == latest ? List.of(latest) : List.of(latest, first);
    }

    String describe() {
      return first == latest ? "byte " + first : "bytes " + first + " and " + latest;
    }
  }

  /**
   * @param source the source whose reads are checked
   * @param retries tries after a failed read of a reference unit
   */
  public LostDriveCheck(BlockSource source, int retries) {
    this.source = source;
    this.tries = retries + 1;
    this.probe = new byte[source.errorUnit()];
  }

  /** Remembers the first whole error unit of {@code [offset, offset + length)}, which just read fine. */
  public void readFine(long offset, long length) {
    int unit = source.errorUnit();
    long first = (offset + unit - 1) / unit * unit;
    if (first + unit > offset + length) {
      return;
    }
    goodUnits = Optional.of(new GoodUnits(goodUnits.map(GoodUnits::first).orElse(first), first));
  }

  /**
   * Checks the source after a read at {@code offset} failed with {@code failure}: see the class
   * comment.
   *
   * @throws SourceAccessException if the source is gone or lost
   */
  public void afterFailure(ReadOutcome.Failed failure, long offset) throws SourceAccessException {
    stopIfGone(failure, offset);
    Optional<String> changed = source.whatChanged();
    if (changed.isPresent()) {
      throw new SourceAccessException("source " + source.identity().path() + " is gone at byte " + offset + ": " + changed.get(),
          failure.cause());
    }
    if (goodUnits.isEmpty()) {
      return;
    }
    for (long reference : goodUnits.get().latestFirst()) {
      for (int attempt = 0; attempt < tries; attempt++) {
        ReadOutcome outcome = source.readUnit(reference, probe, 0);
        if (!(outcome instanceof ReadOutcome.Failed failed)) {
          return;
        }
        stopIfGone(failed, offset);
      }
    }
    throw new SourceAccessException("source " + source.identity().path() + " stopped answering at byte " + offset
        + ": sectors that read fine before (at " + goodUnits.get().describe() + ") now fail too (" + failure.message()
        + "), so the drive is gone (removed, reset or disconnected), not damaged", failure.cause());
  }

  /**
   * Retrying cannot help a source that is gone: see {@link ReadOutcome.FailureKind#GONE}.
   *
   * @throws SourceAccessException if {@code failure} says the source is gone
   */
  public void stopIfGone(ReadOutcome.Failed failure, long offset) throws SourceAccessException {
    if (failure.kind() == ReadOutcome.FailureKind.GONE) {
      throw new SourceAccessException("source " + source.identity().path() + " is gone at byte " + offset + ": " + failure.message(),
          failure.cause());
    }
  }

  /**
   * @throws SourceAccessException if {@code read} bytes at {@code offset} are fewer than the
   *     {@code expected}: the source ended before its size
   */
  public void requireFull(long offset, int read, int expected) throws SourceAccessException {
    if (read < expected) {
      throw new SourceAccessException("source " + source.identity().path() + " ended at byte " + (offset + read)
          + " although its size is " + source.size() + " bytes: it changed during the acquisition");
    }
  }
}

package dev.custos.source;

import dev.custos.error.SourceAccessException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads blocks of the source the way a dying drive must be read: a failed block is tried again
 * ({@code retries} times), then read in error units (see {@link ReadOnlySource#errorUnit()}); the
 * sectors of a unit that stays unreadable after as many tries are written as zeros and recorded,
 * and reading goes on. Only a source that is gone or shorter than its size stops the acquisition.
 *
 * <p>Lost, not bad: a drive that is pulled, reset or whose connection dies answers every read with
 * the same error a bad sector gives (EIO through a loop device, a USB bridge or a dead FUSE
 * daemon), and treating it as one huge bad region would retry and zero-fill the rest of the drive
 * for hours. So before a failed block is retried, and again before a unit is recorded as bad, the
 * reader checks that the source is still there: its node still opens at its size, and a unit
 * that read fine earlier (the first and the latest good one) still reads, uncached. If the node
 * is gone, the size changed, or every try of every such unit fails too, the source is lost: the
 * read stops with a {@link SourceAccessException} naming the byte offset, and nothing of the
 * failed block is recorded as bad. A bad region leaves its good neighbours readable, so it costs
 * one small read per failed block or unit and is handled as before. Before any unit has read
 * fine there is nothing to compare with, and failures count as bad sectors. A failure of kind
 * {@link ReadOutcome.FailureKind#GONE} (the device removed, its medium out, the file system serving
 * it gone) stops the read at once, untried again; so does a short read, a source that ends before
 * its size.
 *
 * <p>The source answers each read with a {@link ReadOutcome}; only what stops the acquisition
 * leaves this class as an exception.
 *
 * <p>Threading: confined to the reader thread.
 */
public final class SourceBlockReader {
  private final BlockSource source;
  private final int retries;
  private final BadSectorMap badSectors;
  private final byte[] probe;
  /** The first and the latest error unit that read fine; empty while there is none. */
  private Optional<GoodUnits> goodUnits = Optional.empty();
  private long recoveredReadErrors;

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
   * @param source what to read
   * @param retries tries after a failed read
   * @param badSectors where unreadable sectors are recorded
   */
  public SourceBlockReader(BlockSource source, int retries, BadSectorMap badSectors) {
    this.source = source;
    this.retries = retries;
    this.badSectors = badSectors;
    this.probe = new byte[source.errorUnit()];
  }

  /**
   * Fills {@code destination[0, length)} with the source's bytes at {@code offset}; sectors that
   * cannot be read are zero-filled and recorded in the bad-sector map.
   *
   * @throws SourceAccessException if the source is gone (see the class comment) or ends before
   *     its size; nothing of this block is then recorded as bad
   */
  public void read(long offset, byte[] destination, int length) throws SourceAccessException {
    for (int attempt = 0; attempt <= retries; attempt++) {
      ReadOutcome outcome = source.read(offset, destination, 0, length);
      if (outcome instanceof ReadOutcome.Failed failed) {
        stopIfGone(failed, offset);
        if (attempt == 0) {
          stopIfLost(failed, offset);
        }
        continue;
      }
      requireFull(offset, outcome.bytes(), length);
      if (attempt > 0) {
        recoveredReadErrors++;
      }
      rememberGood(offset, length);
      return;
    }
    readUnitByUnit(offset, destination, length);
  }

  /** Block reads that failed and then succeeded on a retry. */
  public long recoveredReadErrors() {
    return recoveredReadErrors;
  }

  private void readUnitByUnit(long offset, byte[] destination, int length) throws SourceAccessException {
    int unit = source.errorUnit();
    int sectorSize = source.sectorSize();
    // Recorded only once the whole block is accounted for: if the source turns out lost part way,
    // the block is not acquired, and neither are the bad sectors found in it.
    List<Long> unreadable = new ArrayList<>();
    for (int position = 0; position < length; position += unit) {
      int expected = Math.min(unit, length - position);
      Optional<ReadOutcome.Failed> failure = readUnit(offset + position, destination, position, expected);
      if (failure.isEmpty()) {
        rememberGood(offset + position, expected);
      } else {
        stopIfLost(failure.get(), offset);
        Arrays.fill(destination, position, position + expected, (byte) 0);
        long firstLba = (offset + position) / sectorSize;
        for (long lba = firstLba; lba < firstLba + (expected + sectorSize - 1) / sectorSize; lba++) {
          unreadable.add(lba);
        }
      }
    }
    unreadable.forEach(badSectors::add);
  }

  /** Reads one error unit with retries; empty when it was read, else the last failure. */
  private Optional<ReadOutcome.Failed> readUnit(long position, byte[] destination, int at, int expected)
      throws SourceAccessException {
    ReadOutcome.Failed failure = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      ReadOutcome outcome = source.readUnit(position, destination, at);
      if (outcome instanceof ReadOutcome.Failed failed) {
        stopIfGone(failed, position);
        failure = failed;
        continue;
      }
      requireFull(position, outcome.bytes(), expected);
      return Optional.empty();
    }
    return Optional.ofNullable(failure);
  }

  /** Remembers the first whole error unit of {@code [offset, offset + length)}, which just read fine. */
  private void rememberGood(long offset, int length) {
    int unit = source.errorUnit();
    long first = (offset + unit - 1) / unit * unit;
    if (first + unit > offset + length) {
      return;
    }
    goodUnits = Optional.of(new GoodUnits(goodUnits.map(GoodUnits::first).orElse(first), first));
  }

  /**
   * Tells a lost source from a bad region after a read at {@code offset} failed with {@code
   * failure}: see the class comment.
   *
   * @throws SourceAccessException if the source is lost
   */
  private void stopIfLost(ReadOutcome.Failed failure, long offset) throws SourceAccessException {
    Optional<String> changed = source.whatChanged();
    if (changed.isPresent()) {
      throw new SourceAccessException("source " + source.identity().path() + " is gone at byte " + offset + ": " + changed.get(),
          failure.cause());
    }
    if (goodUnits.isEmpty()) {
      return;
    }
    for (long reference : goodUnits.get().latestFirst()) {
      for (int attempt = 0; attempt <= retries; attempt++) {
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

  private void requireFull(long offset, int read, int expected) throws SourceAccessException {
    if (read < expected) {
      throw new SourceAccessException("source " + source.identity().path() + " ended at byte " + (offset + read)
          + " although its size is " + source.size() + " bytes: it changed during the acquisition");
    }
  }

  /** Retrying cannot help a source that is gone: see {@link ReadOutcome.FailureKind#GONE}. */
  private void stopIfGone(ReadOutcome.Failed failure, long offset) throws SourceAccessException {
    if (failure.kind() == ReadOutcome.FailureKind.GONE) {
      throw new SourceAccessException("source " + source.identity().path() + " is gone at byte " + offset + ": " + failure.message(),
          failure.cause());
    }
  }
}

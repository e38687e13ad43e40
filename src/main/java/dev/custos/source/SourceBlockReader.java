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
 * <p>Before a failed block is retried, and again before a unit is recorded as bad, a {@link
 * LostDriveCheck} tells a lost drive from a damaged one: a lost drive stops the read with a {@link
 * SourceAccessException} naming the byte offset, and nothing of the failed block is recorded as
 * bad. So does a short read, a source that ends before its size.
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
  private final LostDriveCheck lost;
  private long recoveredReadErrors;

  /**
   * @param source what to read
   * @param retries tries after a failed read
   * @param badSectors where unreadable sectors are recorded
   */
  public SourceBlockReader(BlockSource source, int retries, BadSectorMap badSectors) {
    this.source = source;
    this.retries = retries;
    this.badSectors = badSectors;
    this.lost = new LostDriveCheck(source, retries);
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
        if (attempt == 0) {
          lost.afterFailure(failed, offset);
        } else {
          lost.stopIfGone(failed, offset);
        }
        continue;
      }
      lost.requireFull(offset, outcome.bytes(), length);
      if (attempt > 0) {
        recoveredReadErrors++;
      }
      lost.readFine(offset, length);
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
        lost.readFine(offset + position, expected);
      } else {
        lost.afterFailure(failure.get(), offset);
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
        lost.stopIfGone(failed, position);
        failure = failed;
        continue;
      }
      lost.requireFull(position, outcome.bytes(), expected);
      return Optional.empty();
    }
    return Optional.ofNullable(failure);
  }
}

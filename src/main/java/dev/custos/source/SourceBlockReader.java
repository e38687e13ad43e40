package dev.custos.source;

import dev.custos.error.SourceAccessException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * fine there is nothing to compare with, and failures count as bad sectors.
 *
 * <p>Threading: confined to the reader thread.
 */
public final class SourceBlockReader {
  private final ReadOnlySource source;
  private final int retries;
  private final BadSectorMap badSectors;
  private final byte[] probe;
  /** Offsets of error units that read fine: the first and the latest; -1 while there is none. */
  private long firstGoodUnit = -1;
  private long latestGoodUnit = -1;
  private long recoveredReadErrors;

  /**
   * @param source what to read
   * @param retries tries after a failed read
   * @param badSectors where unreadable sectors are recorded
   */
  public SourceBlockReader(ReadOnlySource source, int retries, BadSectorMap badSectors) {
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
      try {
        int read = source.read(offset, destination, 0, length);
        requireFull(offset, read, length);
        if (attempt > 0) {
          recoveredReadErrors++;
        }
        rememberGood(offset, length);
        return;
      } catch (IOException e) {
        throwIfGone(e, offset);
        if (attempt == 0) {
          throwIfLost(e, offset);
        }
      }
    }
    readSectorBySector(offset, destination, length);
  }

  /** Block reads that failed and then succeeded on a retry. */
  public long recoveredReadErrors() {
    return recoveredReadErrors;
  }

  private void readSectorBySector(long offset, byte[] destination, int length) throws SourceAccessException {
    int unit = source.errorUnit();
    int sectorSize = source.sectorSize();
    // Recorded only once the whole block is accounted for: if the source turns out lost part way,
    // the block is not acquired, and neither are the bad sectors found in it.
    List<Long> unreadable = new ArrayList<>();
    for (int position = 0; position < length; position += unit) {
      int expected = Math.min(unit, length - position);
      IOException failure = readUnit(offset + position, destination, position, expected);
      if (failure == null) {
        rememberGood(offset + position, expected);
      } else {
        throwIfLost(failure, offset);
        Arrays.fill(destination, position, position + expected, (byte) 0);
        long firstLba = (offset + position) / sectorSize;
        for (long lba = firstLba; lba < firstLba + (expected + sectorSize - 1) / sectorSize; lba++) {
          unreadable.add(lba);
        }
      }
    }
    unreadable.forEach(badSectors::add);
  }

  /** Reads one error unit with retries; returns null when it was read, else the last failure. */
  private IOException readUnit(long position, byte[] destination, int at, int expected) throws SourceAccessException {
    IOException failure = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      try {
        int read = source.readUnit(position, destination, at);
        requireFull(position, read, expected);
        return null;
      } catch (IOException e) {
        throwIfGone(e, position);
        failure = e;
      }
    }
    return failure;
  }

  /** Remembers the first whole error unit of {@code [offset, offset + length)}, which just read fine. */
  private void rememberGood(long offset, int length) {
    int unit = source.errorUnit();
    long first = (offset + unit - 1) / unit * unit;
    if (first + unit > offset + length) {
      return;
    }
    if (firstGoodUnit < 0) {
      firstGoodUnit = first;
    }
    latestGoodUnit = first;
  }

  /**
   * Tells a lost source from a bad region after a read at {@code offset} failed with {@code
   * failure}: see the class comment.
   *
   * @throws SourceAccessException if the source is lost
   */
  private void throwIfLost(IOException failure, long offset) throws SourceAccessException {
    String changed = source.whatChanged();
    if (changed != null) {
      throw new SourceAccessException("source " + source.identity().path() + " is gone at byte " + offset + ": " + changed, failure);
    }
    if (firstGoodUnit < 0) {
      return;
    }
    // The latest first: near the head, so a drive that is merely damaged answers without a long seek.
    for (long reference : firstGoodUnit == latestGoodUnit ? List.of(latestGoodUnit) : List.of(latestGoodUnit, firstGoodUnit)) {
      for (int attempt = 0; attempt <= retries; attempt++) {
        try {
          source.readUnit(reference, probe, 0);
          return;
        } catch (IOException e) {
          throwIfGone(e, offset);
        }
      }
    }
    String references = firstGoodUnit == latestGoodUnit ? "byte " + firstGoodUnit : "bytes " + firstGoodUnit + " and " + latestGoodUnit;
    throw new SourceAccessException("source " + source.identity().path() + " stopped answering at byte " + offset
        + ": sectors that read fine before (at " + references + ") now fail too (" + failure.getMessage()
        + "), so the drive is gone (removed, reset or disconnected), not damaged", failure);
  }

  private void requireFull(long offset, int read, int expected) throws SourceAccessException {
    if (read < expected) {
      throw new SourceAccessException("source " + source.identity().path() + " ended at byte " + (offset + read)
          + " although its size is " + source.size() + " bytes: it changed during the acquisition");
    }
  }

  private void throwIfGone(IOException e, long offset) throws SourceAccessException {
    String message = String.valueOf(e.getMessage());
    // ENODEV and ENXIO: the device was removed or detached; ENOMEDIUM: the medium was taken out;
    // ENOTCONN and ESTALE: the file system serving an image file is gone. Retrying cannot help.
    if (message.contains("No such device") || message.contains("No medium found")
        || message.contains("Transport endpoint is not connected") || message.contains("Stale file handle")) {
      throw new SourceAccessException("source " + source.identity().path() + " is gone at byte " + offset + ": " + message, e);
    }
  }
}

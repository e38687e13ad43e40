package dev.custos.source;

import dev.custos.error.SourceAccessException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads blocks of the source the way a dying drive must be read: a failed block is tried again
 * ({@code retries} times), then read in error units (see {@link ReadOnlySource#errorUnit()}); the
 * sectors of a unit that stays unreadable after as many tries are written as zeros and recorded,
 * and reading goes on. Only a source that is gone
 * (device removed) or shorter than its size stops the acquisition.
 *
 * <p>Threading: confined to the reader thread.
 */
public final class SourceBlockReader {
  private final ReadOnlySource source;
  private final int retries;
  private final BadSectorMap badSectors;
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
  }

  /**
   * Fills {@code destination[0, length)} with the source's bytes at {@code offset}; sectors that
   * cannot be read are zero-filled and recorded in the bad-sector map.
   *
   * @throws SourceAccessException if the source is gone or ends before its size
   */
  public void read(long offset, byte[] destination, int length) throws SourceAccessException {
    for (int attempt = 0; attempt <= retries; attempt++) {
      try {
        int read = source.read(offset, destination, 0, length);
        requireFull(offset, read, length);
        if (attempt > 0) {
          recoveredReadErrors++;
        }
        return;
      } catch (IOException e) {
        throwIfGone(e, offset);
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
    for (int position = 0; position < length; position += unit) {
      int expected = Math.min(unit, length - position);
      if (!readUnit(offset + position, destination, position, expected)) {
        Arrays.fill(destination, position, position + expected, (byte) 0);
        long firstLba = (offset + position) / sectorSize;
        for (long lba = firstLba; lba < firstLba + (expected + sectorSize - 1) / sectorSize; lba++) {
          badSectors.add(lba);
        }
      }
    }
  }

  private boolean readUnit(long position, byte[] destination, int at, int expected) throws SourceAccessException {
    for (int attempt = 0; attempt <= retries; attempt++) {
      try {
        int read = source.readUnit(position, destination, at);
        requireFull(position, read, expected);
        return true;
      } catch (IOException e) {
        throwIfGone(e, position);
      }
    }
    return false;
  }

  private void requireFull(long offset, int read, int expected) throws SourceAccessException {
    if (read < expected) {
      throw new SourceAccessException("source " + source.identity().path() + " ended at byte " + (offset + read)
          + " although its size is " + source.size() + " bytes: it changed during the acquisition");
    }
  }

  private void throwIfGone(IOException e, long offset) throws SourceAccessException {
    String message = String.valueOf(e.getMessage());
    // ENODEV and ENXIO: the device was removed or detached; retrying cannot help.
    if (message.contains("No such device")) {
      throw new SourceAccessException("source " + source.identity().path() + " is gone at byte " + offset + ": " + message, e);
    }
  }
}

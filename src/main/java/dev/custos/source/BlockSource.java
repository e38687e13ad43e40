package dev.custos.source;

import java.util.Optional;

/**
 * A source as the reader sees it: bytes at offsets, read into the caller's buffer, each read
 * answering with a {@link ReadOutcome} value. A bad sector is evidence, not an exception: a read
 * that fails says how ({@link ReadOutcome.Failed}), and the caller decides what that means
 * ({@link SourceBlockReader}: retry, read unit by unit, zero-fill, or stop for a lost drive).
 *
 * <p>There is no way to write through this type: it has no write method, and {@link
 * ReadOnlySource}, the one implementation that reads a real source, opens it read-only. Tests
 * pass a scripted source that fails where told.
 *
 * <p>Threading: one reader thread at a time.
 */
public interface BlockSource {
  /** What the source is, as identified before it was opened. */
  SourceIdentity identity();

  /** Exact size of the source in bytes. */
  default long size() {
    return identity().sizeBytes();
  }

  /** Bytes per logical sector: the unit of bad ranges and LBAs. */
  default int sectorSize() {
    return identity().logicalSectorSize();
  }

  /**
   * The smallest read that can fail on its own: the granularity of bad ranges, a multiple of
   * {@link #sectorSize()}.
   */
  int errorUnit();

  /**
   * Reads {@code length} bytes at {@code position} into {@code destination[offset, offset + length)}.
   *
   * @return {@link ReadOutcome.Read} when every byte was read, {@link ReadOutcome.Ended} when the
   *     source ended first, {@link ReadOutcome.Failed} on a read error anywhere in the range (what
   *     the destination then holds is undefined)
   */
  ReadOutcome read(long position, byte[] destination, int offset, int length);

  /**
   * Reads the error unit at {@code position} (a multiple of {@link #errorUnit()}), or what of it
   * lies before the end of the source, into {@code destination[offset…]}, so that exactly this
   * unit succeeds or fails (bypassing any cache).
   *
   * @return as {@link #read}
   */
  ReadOutcome readUnit(long position, byte[] destination, int offset);

  /**
   * What shows that the source is no longer the one opened (its node no longer opens, or has
   * another size), or empty when nothing does.
   */
  Optional<String> whatChanged();
}

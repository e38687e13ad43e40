package dev.custos.source;

import dev.custos.io.StagingBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * The read path of a source, the {@link BlockSource} of a real device or file. It has no way to
 * write: both channels are opened with {@link StandardOpenOption#READ} alone, are never exposed,
 * and this type offers reads only. A read error is returned as a {@link ReadOutcome.Failed} value.
 *
 * <p>A block device is read with {@code O_DIRECT}: the large sequential reads (measured on a cold
 * loop device, {@code bench/loop-device-read}: an acquisition's read phase 1.5 times as fast as
 * through the page cache, whose extra copy and read-ahead bookkeeping take CPU from the digests on
 * two cores), and the small reads that locate an error after a large read failed (see {@link
 * #errorUnit()}, read through the C library, {@link NativeSectorReader}). A read that is not a whole number of direct-I/O units (the last block of a
 * device whose size is not one), and every read of an image file, goes through the page cache.
 *
 * <p>Threading: one reader thread at a time.
 */
public final class ReadOnlySource implements BlockSource, Closeable {
  /** The only option the source is ever opened with. */
  static final Set<OpenOption> READ_ONLY = Set.of(StandardOpenOption.READ);
  /** The largest single-sector-precise read: 64 KiB, so a few sectors around an error read at once. */
  private static final int SECTOR_READ_CAPACITY = 64 * 1024;

  private final SourceIdentity identity;
  private FileChannel sequential;
  private boolean failedSinceOpened;
  private final DirectSectorReader sectorReader;
  /** Single-sector reads of a device; empty for a file, or where native reads are not available. */
  private final Optional<NativeSectorReader> nativeSectors;
  private final StagingBuffer staging = new StagingBuffer();

  private ReadOnlySource(SourceIdentity identity, FileChannel sequential, DirectSectorReader sectorReader,
      Optional<NativeSectorReader> nativeSectors) {
    this.identity = identity;
    this.sequential = sequential;
    this.sectorReader = sectorReader;
    this.nativeSectors = nativeSectors;
  }

  /**
   * Opens {@code identity.path()} for reading only.
   *
   * @throws IOException if it cannot be opened
   */
  public static ReadOnlySource open(SourceIdentity identity) throws IOException {
    FileChannel sequential = FileChannel.open(identity.path(), READ_ONLY);
    DirectSectorReader sectors = null;
    try {
      if (!identity.kind().isDevice()) {
        return new ReadOnlySource(identity, sequential, null, Optional.empty());
      }
      sectors = DirectSectorReader.open(identity.path(), identity.logicalSectorSize());
      int sectorSize = identity.logicalSectorSize();
      return new ReadOnlySource(identity, sequential, sectors,
          NativeSectorReader.open(identity.path(), sectorSize, Math.max(sectorSize, SECTOR_READ_CAPACITY)));
    } catch (IOException | RuntimeException e) {
      closeQuietly(sequential, sectors, e);
      throw e;
    }
  }

  @Override
  public SourceIdentity identity() {
    return identity;
  }

  @Override
  public ReadOutcome read(long position, byte[] destination, int offset, int length) {
    try {
      return ReadOutcome.of(readBytes(position, destination, offset, length), length);
    } catch (IOException e) {
      return ReadOutcome.failed(e);
    }
  }

  /** Reads {@code length} bytes, or fewer only at the end of the source; returns bytes read. */
  private int readBytes(long position, byte[] destination, int offset, int length) throws IOException {
    // O_DIRECT where the device allows it: no page-cache copy; a failed read fails as a whole.
    if (sectorReader != null && position % sectorReader.unit() == 0 && length % sectorReader.unit() == 0) {
      ByteBuffer aligned = staging.of(length);
      int read = sectorReader.readAligned(aligned, position);
      aligned.flip().get(destination, offset, read);
      return read;
    }
    if (failedSinceOpened) {
      reopen();
    }
    ByteBuffer buffer = staging.of(length);
    long at = position;
    while (buffer.hasRemaining()) {
      int n;
      try {
        n = sequential.read(buffer, at);
      } catch (IOException e) {
        failedSinceOpened = true;
        throw e;
      }
      if (n < 0) {
        break;
      }
      at += n;
    }
    int read = buffer.position();
    buffer.flip().get(destination, offset, read);
    return read;
  }

  /**
   * Opens the sequential channel anew. Linux quarters an open file's read-ahead window at every
   * read error (shrink_readahead_size_eio), so after a bad region the good regions behind it would
   * be read without read-ahead, several times slower; a fresh open starts with a fresh window
   * (bench/failing-device measures it).
   */
  private void reopen() throws IOException {
    FileChannel fresh = FileChannel.open(identity.path(), READ_ONLY);
    FileChannel old = sequential;
    sequential = fresh;
    failedSinceOpened = false;
    old.close();
  }

  /**
   * The smallest read that can fail on its own: the granularity of bad ranges. The logical sector
   * size, for a file and for a block device read natively ({@link NativeSectorReader}); where
   * native reads are not available, a device's direct-I/O unit as the JDK allows it (4 KiB on
   * Linux, which refuses smaller direct reads).
   */
  @Override
  public int errorUnit() {
    if (nativeSectors.isPresent() || sectorReader == null) {
      return sectorSize();
    }
    return sectorReader.unit();
  }

  /**
   * The unit of the large reads that bypass the page cache: the JDK's direct-I/O alignment for a
   * block device (4096 on Linux), 0 for a file. A read not on this grid, or not a whole number of
   * it (a device's last block), goes through the page cache.
   */
  public int directIoUnit() {
    return sectorReader == null ? 0 : sectorReader.unit();
  }

  /**
   * Reads the error unit at {@code position} (a multiple of {@link #errorUnit()}) into {@code
   * destination[offset…]}, bypassing the page cache on a block device so that exactly this unit
   * succeeds or fails.
   */
  @Override
  public ReadOutcome readUnit(long position, byte[] destination, int offset) {
    int length = (int) Math.min(errorUnit(), size() - position);
    if (nativeSectors.isPresent()) {
      return nativeSectors.get().read(position, destination, offset, length);
    }
    if (sectorReader == null) {
      return read(position, destination, offset, length);
    }
    try {
      return ReadOutcome.of(sectorReader.read(position, destination, offset, length), length);
    } catch (IOException e) {
      return ReadOutcome.failed(e);
    }
  }

  /**
   * What shows that the source is no longer the one opened: its node no longer opens (a removed
   * drive's node disappears) or now has another size (a detached loop device has size 0). Opens
   * the node anew, read-only, and closes it again.
   */
  @Override
  public Optional<String> whatChanged() {
    try (FileChannel now = FileChannel.open(identity.path(), READ_ONLY)) {
      long size = now.size();
      return size == size() ? Optional.empty() : Optional.of("its size is now " + size + " bytes, was " + size() + " bytes");
    } catch (NoSuchFileException e) {
      return Optional.of(identity.path() + " no longer exists");
    } catch (IOException e) {
      return Optional.of(identity.path() + " can no longer be opened (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Closeable part : new Closeable[] {nativeSectors.orElse(null), sectorReader, sequential}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Closes what {@link #open} opened before {@code failure}, which is what the caller sees. */
  private static void closeQuietly(FileChannel sequential, DirectSectorReader sectors, Exception failure) {
    for (Closeable part : new Closeable[] {sectors, sequential}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}

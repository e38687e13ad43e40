package dev.custos.source;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads whole logical sectors of a block device with {@code O_DIRECT}, read-only, through the C
 * library ({@link LibC}): exactly the sectors read succeed or fail, as a drive reports them, with
 * no page cache or read-ahead to widen a failure. The JDK cannot do this on a 512-byte-sector
 * drive: its direct I/O demands the alignment of the file system holding the device node (4096).
 *
 * <p>A failed read returns no data (the kernel gives none for a failed direct read) and costs the
 * drive's own timeout; the caller reads sector by sector only where a larger read failed.
 *
 * <p>Threading: one thread at a time; the native buffer is this reader's.
 */
final class NativeSectorReader implements Closeable {
  /** The alignment of the native buffer: a multiple of every logical sector size (512, 4096). */
  private static final int ALIGNMENT = 4096;
  private static final int EINTR = 4;

  private final int descriptor;
  private final int sectorSize;
  private final int capacity;
  private final Memory allocation;
  private final com.sun.jna.Pointer buffer;
  private boolean closed;

  private NativeSectorReader(int descriptor, int sectorSize, int capacity) {
    this.descriptor = descriptor;
    this.sectorSize = sectorSize;
    this.capacity = capacity;
    this.allocation = new Memory((long) capacity + ALIGNMENT);
    this.buffer = allocation.align(ALIGNMENT);
  }

  /**
   * Opens {@code device} read-only and direct, for reads of up to {@code capacity} bytes (a
   * multiple of {@code sectorSize}).
   *
   * @return the reader; empty where native reads are not available here (another system or
   *     architecture, a sector size that does not divide 4096, or the JNA native part cannot be
   *     loaded): the caller then uses the JDK
   * @throws IOException if the device cannot be opened
   */
  static Optional<NativeSectorReader> open(Path device, int sectorSize, int capacity) throws IOException {
    if (sectorSize <= 0 || capacity <= 0 || capacity % sectorSize != 0) {
      throw new IllegalArgumentException("a capacity of " + capacity + " bytes is no whole number of " + sectorSize + "-byte sectors");
    }
    int flags = LibC.flagsForReadDirect();
    if (flags < 0 || sectorSize > ALIGNMENT || ALIGNMENT % sectorSize != 0) {
      return Optional.empty();
    }
    int descriptor;
    try {
      descriptor = LibC.open(device.toString(), flags);
    } catch (LastErrorException e) {
      throw new IOException(device + ": " + failure(e).text(), new OsErrorException(failure(e)));
    } catch (LinkageError e) {
      return Optional.empty(); // the native part did not load: no native reads on this machine
    }
    return Optional.of(new NativeSectorReader(descriptor, sectorSize, capacity));
  }

  /** Bytes per logical sector: the unit of every read. */
  int sectorSize() {
    return sectorSize;
  }

  /** The most bytes one read may ask for. */
  int capacity() {
    return capacity;
  }

  /**
   * Reads {@code length} bytes (whole sectors, at most {@link #capacity()}) at {@code position}
   * (a sector boundary) into {@code destination[offset…]}.
   *
   * @return {@link ReadOutcome.Read}, {@link ReadOutcome.Ended} where the device ended first, or
   *     {@link ReadOutcome.Failed} carrying the system's error
   */
  ReadOutcome read(long position, byte[] destination, int offset, int length) {
    if (position % sectorSize != 0 || length % sectorSize != 0 || length > capacity || length <= 0) {
      throw new IllegalArgumentException("a direct read of " + length + " bytes at byte " + position + " is not whole "
          + sectorSize + "-byte sectors within " + capacity + " bytes");
    }
    int done = 0;
    while (done < length) {
      long n;
      try {
        n = LibC.pread(descriptor, buffer.share(done), length - done, position + done);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == EINTR) {
          continue;
        }
        OsError error = failure(e);
        return new ReadOutcome.Failed(ReadOutcome.FailureKind.of(error), new OsErrorException(error));
      }
      if (n == 0) {
        break;
      }
      done += (int) n;
    }
    buffer.read(0, destination, offset, done);
    return ReadOutcome.of(done, length);
  }

  private static OsError failure(LastErrorException e) {
    return OsError.of(e.getErrorCode(), LibC.strerror(e.getErrorCode()));
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    allocation.close();
    try {
      LibC.close(descriptor);
    } catch (LastErrorException e) {
      throw new OsErrorException(failure(e));
    }
  }
}

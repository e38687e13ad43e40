package dev.custos.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Reads a block device in small aligned units with {@code O_DIRECT}, read-only, so that exactly
 * the unit read succeeds or fails and no page cache or read-ahead blurs the boundary.
 *
 * <p>The unit is the larger of the logical sector size and the alignment the JDK demands for
 * direct I/O (the block size of the file system holding the device node, 4096 on Linux): the JDK
 * refuses 512-byte direct reads, so on a 512-byte-sector drive errors are located to 4 KiB, the
 * physical sector of most current drives.
 */
final class DirectSectorReader implements Closeable {
  private final FileChannel channel;
  private final ByteBuffer aligned;
  private final int unit;

  private DirectSectorReader(FileChannel channel, int unit) {
    this.channel = channel;
    this.unit = unit;
    this.aligned = ByteBuffer.allocateDirect(unit * 2).alignedSlice(unit);
  }

  @SuppressForbidden(reason = "O_DIRECT is the only way to read a block device without the page cache blurring errors")
  static DirectSectorReader open(Path device, int sectorSize) throws IOException {
    int alignment = (int) Math.max(512, Files.getFileStore(device).getBlockSize());
    int unit = Math.max(sectorSize, alignment);
    Set<OpenOption> options = Set.of(StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
    return new DirectSectorReader(FileChannel.open(device, options), unit);
  }

  /** Bytes per read: the granularity at which errors are located. */
  int unit() {
    return unit;
  }

  /** Reads the unit at {@code position} (a multiple of {@link #unit()}); returns bytes copied. */
  int read(long position, byte[] destination, int offset, int length) throws IOException {
    aligned.clear().limit(unit);
    while (aligned.hasRemaining()) {
      int n = channel.read(aligned, position + aligned.position());
      // A short read is the end of the device (a direct read gives whole sectors or nothing); reading
      // on from there would be off the alignment the JDK demands, and fail as if the unit were bad.
      if (n <= 0 || aligned.hasRemaining()) {
        break;
      }
    }
    int got = Math.min(length, aligned.position());
    aligned.flip();
    aligned.get(destination, offset, got);
    return got;
  }

  /**
   * Reads into {@code buffer} (its address a multiple of {@link #unit()}, its remaining bytes too)
   * at {@code position} (a multiple of the unit) until it is full or the device ends.
   *
   * @return bytes read
   */
  int readAligned(ByteBuffer buffer, long position) throws IOException {
    int start = buffer.position();
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position() - start);
      if (n < 0) {
        break;
      }
    }
    return buffer.position() - start;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

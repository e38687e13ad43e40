package dev.custos.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Reads single sectors of a block device with {@code O_DIRECT}, read-only. Direct reads need a
 * buffer, position and length aligned to the sector size; this class owns such a buffer.
 */
final class DirectSectorReader implements Closeable {
  private final FileChannel channel;
  private final ByteBuffer aligned;
  private final int sectorSize;

  private DirectSectorReader(FileChannel channel, int sectorSize) {
    this.channel = channel;
    this.sectorSize = sectorSize;
    this.aligned = ByteBuffer.allocateDirect(sectorSize * 2).alignedSlice(sectorSize);
    this.aligned.limit(sectorSize);
  }

  @SuppressForbidden(reason = "O_DIRECT is the only way to read exactly one sector of a block device")
  static DirectSectorReader open(Path device, int sectorSize) throws IOException {
    Set<OpenOption> options = Set.of(StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
    return new DirectSectorReader(FileChannel.open(device, options), sectorSize);
  }

  int read(long position, byte[] destination, int offset, int length) throws IOException {
    aligned.clear().limit(sectorSize);
    while (aligned.hasRemaining()) {
      int n = channel.read(aligned, position + aligned.position());
      if (n < 0) {
        break;
      }
    }
    int got = Math.min(length, aligned.position());
    aligned.flip();
    aligned.get(destination, offset, got);
    return got;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

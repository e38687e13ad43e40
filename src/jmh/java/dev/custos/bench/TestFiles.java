package dev.custos.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/** The files the read benchmarks read. */
final class TestFiles {
  private TestFiles() {}

  /**
   * A new file of {@code size} pseudo-random bytes in {@code directory}, written through to the
   * device ({@code fsync}); the caller deletes it.
   */
  static Path random(Path directory, int size) throws IOException {
    Path file = Files.createTempFile(directory, "custos-jmh-", ".bin");
    SplittableRandom random = new SplittableRandom(42);
    byte[] chunk = new byte[1 << 20];
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      for (int written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        ByteBuffer data = ByteBuffer.wrap(chunk, 0, Math.min(chunk.length, size - written));
        while (data.hasRemaining()) {
          out.write(data);
        }
      }
      out.force(true);
    }
    return file;
  }

  /**
   * Reads {@code size} bytes of {@code channel} from the start through {@code block}; returns the
   * bytes read, so that nothing can be optimised away.
   *
   * @throws IOException if the file ends early
   */
  static long readWhole(FileChannel channel, ByteBuffer block, long size) throws IOException {
    long position = 0;
    while (position < size) {
      block.clear();
      int n = channel.read(block, position);
      if (n <= 0) {
        throw new IOException("unexpected end of the file at " + position);
      }
      position += n;
    }
    return position;
  }
}

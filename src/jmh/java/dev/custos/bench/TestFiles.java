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
}

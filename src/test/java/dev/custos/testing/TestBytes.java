package dev.custos.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Reproducible test data: pseudo-random bytes from a seed, and the awkward sizes tests use. */
public final class TestBytes {
  /** The block size the pipeline tests use. */
  public static final int BLOCK = 4096;

  private TestBytes() {}

  /**
   * Sizes that find off-by-one and alignment mistakes: empty, tiny, around a sector, around a
   * block, and larger sizes that are and are not a multiple of the block (restic's
   * {@code writer_test.go} uses 5, 23, 2<<18+23 and 1<<20).
   */
  public static IntStream awkwardSizes() {
    return IntStream.of(0, 1, 5, 23, 511, 512, 513, 4095, BLOCK - 1, BLOCK, BLOCK + 1, (2 << 18) + 23, 1 << 20)
        .distinct();
  }

  /** {@code size} pseudo-random bytes, the same for the same seed. */
  public static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  /** Writes {@code size} pseudo-random bytes to a new file {@code name} in {@code directory}. */
  public static Path file(Path directory, String name, int size, long seed) throws IOException {
    return Files.write(directory.resolve(name), random(size, seed));
  }
}

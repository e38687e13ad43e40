package dev.custos.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Evidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageReader#openUncached}: reads with {@code O_DIRECT} give exactly the bytes reads
 * through the page cache give, at any position and length, across files whose sizes are not
 * multiples of the direct-I/O unit, with a missing file read as zeros.
 */
class ImageReaderUncachedTest {
  @TempDir Path temp;

  @Test
  void openUncached_anyPositionAndLength_sameBytesAsThroughThePageCache() throws Exception {
    Path first = Evidence.randomFile(temp.resolve("image.001"), 1_000_448, 1);
    Path second = Evidence.randomFile(temp.resolve("image.002"), 4096 * 3 + 511, 2);
    List<ImageReader.Part> parts = List.of(new ImageReader.Part("image.001", first, 1_000_448),
        new ImageReader.Part("image.002", second, 4096 * 3 + 511),
        new ImageReader.Part("image.003", temp.resolve("image.003"), 5000));
    Random random = new Random(7);
    try (ImageReader direct = ImageReader.openUncached(parts); ImageReader cached = ImageReader.open(parts)) {
      assertThat(direct.gaps()).isEqualTo(cached.gaps()).hasSize(1);
      long size = cached.size();
      long[][] cases = {{0, 1}, {0, 4096}, {1, 4095}, {1_000_447, 2}, {1_000_448, 4096 * 3 + 511}, {size - 1, 1},
          {size - 5001, 5001}, {0, (int) Math.min(size, 1 << 20)}};
      for (long[] at : cases) {
        assertSame(direct, cached, at[0], (int) at[1]);
      }
      for (int i = 0; i < 200; i++) {
        long position = (long) (random.nextDouble() * size);
        int length = (int) Math.min(size - position, random.nextInt(70_000));
        assertSame(direct, cached, position, length);
      }
    }
  }

  private static void assertSame(ImageReader direct, ImageReader cached, long position, int length) throws Exception {
    byte[] expected = new byte[length];
    byte[] actual = new byte[length];
    cached.read(position, expected, length);
    direct.read(position, actual, length);
    assertThat(actual).as("bytes %d+%d", position, length).isEqualTo(expected);
  }
}

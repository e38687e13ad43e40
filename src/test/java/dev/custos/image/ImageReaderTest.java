package dev.custos.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of an image read as one stream: any read, at any offset, of any length, gives the bytes of the files in order. */
class ImageReaderTest {
  @TempDir Path temp;

  @Test
  void readsOfAnyOffsetAndLength_giveTheFilesBytesInOrder() throws IOException {
    Random random = new Random(5);
    int[] sizes = {1, 4095, 4097, 1_000_000, 0, 65_536, 12_345};
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    List<ImageReader.Part> parts = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      byte[] bytes = new byte[sizes[i]];
      random.nextBytes(bytes);
      whole.write(bytes);
      Path file = Files.write(temp.resolve("part." + i), bytes);
      parts.add(new ImageReader.Part(file.getFileName().toString(), file, sizes[i]));
    }
    byte[] expected = whole.toByteArray();

    try (ImageReader reader = ImageReader.open(parts)) {
      assertThat(reader.size()).isEqualTo(expected.length);
      assertThat(reader.gaps()).isEmpty();
      for (int i = 0; i < 500; i++) {
        int length = random.nextInt(Math.min(expected.length, 1 << 20) + 1);
        long position = (long) (random.nextDouble() * (expected.length - length + 1));
        byte[] read = new byte[length];
        reader.read(position, read, length);
        assertThat(read).as("%d bytes at %d", length, position)
            .isEqualTo(Arrays.copyOfRange(expected, (int) position, (int) position + length));
      }
    }
  }

  @Test
  void aShortOrMissingFile_leavesAGapReadAsZeros_andLaterBytesStayInPlace() throws IOException {
    Path first = Files.write(temp.resolve("image.001"), new byte[] {1, 2, 3});
    Path second = Files.write(temp.resolve("image.002"), new byte[] {4, 5, 6, 7});
    List<ImageReader.Part> parts = List.of(new ImageReader.Part("image.001", first, 5),
        new ImageReader.Part("image.002", second, 4), new ImageReader.Part("image.003", temp.resolve("image.003"), 2));

    try (ImageReader reader = ImageReader.open(parts)) {
      byte[] read = new byte[11];
      reader.read(0, read, 11);

      assertThat(read).containsExactly(1, 2, 3, 0, 0, 4, 5, 6, 7, 0, 0);
      assertThat(reader.gaps()).containsExactly(new ImageReader.Gap("image.001", 3, 5), new ImageReader.Gap("image.003", 9, 11));
    }
  }
}

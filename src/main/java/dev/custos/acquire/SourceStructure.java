package dev.custos.acquire;

import dev.custos.evidence.Manifest;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageReader;
import dev.custos.image.e01.E01Reader;
import dev.custos.partition.Media;
import dev.custos.partition.PartitionTable;
import dev.custos.partition.PartitionTableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The source's partition table, read from the finished image rather than from the blocks as they
 * passed: the image is the evidence, and what the report says of its structure is then what
 * anyone can read from it again. A raw image is read at random; an E01 set only sequentially, so
 * of it only the first {@value #E01_HEAD} bytes are read (the primary GPT and its entries, an MBR
 * and its first logical partitions), and its backup GPT header is not checked: decompressing the
 * whole set again for one sector would cost as much as verifying it. Stateless.
 */
final class SourceStructure {
  /** Bytes of an E01 set's media read for the table. */
  static final int E01_HEAD = 1 << 20;

  private SourceStructure() {}

  /**
   * The table of the image in {@code directory}; a table of scheme none saying why when the image
   * cannot be read (the acquisition is complete and recorded regardless).
   */
  static Manifest.Partitions read(Path directory, List<ImageFile> files, boolean e01, int sectorSize) {
    try {
      return e01 ? fromE01(directory.resolve(files.get(0).name()), sectorSize) : fromRaw(directory, files, sectorSize);
    } catch (IOException | RuntimeException e) {
      return new Manifest.Partitions(PartitionTable.none(sectorSize, "the image could not be read for it: " + e.getMessage()),
          "nothing");
    }
  }

  private static Manifest.Partitions fromRaw(Path directory, List<ImageFile> files, int sectorSize) throws IOException {
    List<ImageReader.Part> parts = new ArrayList<>();
    for (ImageFile file : files) {
      parts.add(new ImageReader.Part(file.name(), directory.resolve(file.name()), file.sizeBytes()));
    }
    try (ImageReader image = ImageReader.open(parts)) {
      Media media = new Media() {
        @Override
        public long size() {
          return image.size();
        }

        @Override
        public void read(long position, byte[] into, int length) throws IOException {
          image.read(position, into, length);
        }
      };
      return new Manifest.Partitions(PartitionTableReader.read(media, sectorSize), "the whole image");
    }
  }

  private static Manifest.Partitions fromE01(Path firstSegment, int sectorSize) throws IOException {
    try (E01Reader reader = E01Reader.open(firstSegment)) {
      long size = reader.info().mediaBytes();
      byte[] head = new byte[(int) Math.min(E01_HEAD, size)];
      int filled = 0;
      while (filled < head.length) {
        int n = reader.read(head, filled, head.length - filled);
        if (n < 0) {
          throw new IOException("the E01 media ends at byte " + filled + ", before the " + size + " bytes it records");
        }
        filled += n;
      }
      Media media = new Media() {
        @Override
        public long size() {
          return size;
        }

        @Override
        public long readableBytes() {
          return head.length;
        }

        @Override
        public void read(long position, byte[] into, int length) {
          System.arraycopy(head, (int) position, into, 0, length);
        }
      };
      String readFrom = head.length == size ? "the whole E01 media"
          : "the first " + head.length + " bytes of the E01 media (read sequentially; the backup GPT header is not checked)";
      return new Manifest.Partitions(PartitionTableReader.read(media, sectorSize), readFrom);
    }
  }
}

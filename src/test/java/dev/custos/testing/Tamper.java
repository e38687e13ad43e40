package dev.custos.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Changes evidence the way damage or a forger would: in place, whatever its read-only mode. */
public final class Tamper {
  private Tamper() {}

  /** XORs the byte at {@code offset} of {@code file} with {@code mask} (1 to 255): calling it twice restores the file. */
  public static void xor(Path file, long offset, int mask) throws IOException {
    file.toFile().setWritable(true);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int value = raf.read();
      raf.seek(offset);
      raf.write(value ^ mask);
    }
  }

  /** Flips the lowest bit of the byte at {@code offset}. */
  public static void flip(Path file, long offset) throws IOException {
    xor(file, offset, 0x01);
  }

  /** Cuts or extends {@code file} to {@code length} bytes (zeros added). */
  public static void setLength(Path file, long length) throws IOException {
    file.toFile().setWritable(true);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(length);
    }
  }
}

package dev.custos.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.zip.CRC32C;

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

  /** Writes {@code bytes} at {@code offset} of {@code file}, in place. */
  public static void write(Path file, long offset, byte[] bytes) throws IOException {
    file.toFile().setWritable(true);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      raf.write(bytes);
    }
  }

  /** Bytes {@code [offset, offset + length)} of {@code file}. */
  public static byte[] read(Path file, long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(offset);
      raf.readFully(bytes);
    }
    return bytes;
  }

  /**
   * The standard CRC forgery: four bytes to write at {@code at} in {@code data} so that its
   * CRC-32C becomes {@code wanted}. CRC is affine over GF(2) for a fixed length, so the effect of
   * flipping each of the 32 bits at {@code at} on the CRC is a 32-bit vector, and the bits to flip
   * are the solution of a 32 × 32 linear system (solved by Gaussian elimination).
   *
   * @return the four bytes (the ones at {@code at} XOR the flips)
   */
  public static byte[] crc32cCompensation(byte[] data, int at, long wanted) {
    long now = crc32c(data);
    long[] effect = new long[32];
    for (int bit = 0; bit < 32; bit++) {
      data[at + bit / 8] ^= (byte) (1 << (bit % 8));
      effect[bit] = crc32c(data) ^ now;
      data[at + bit / 8] ^= (byte) (1 << (bit % 8));
    }
    // Solve XOR of effect[bit] over the chosen bits == now ^ wanted; each row carries which bits it combines.
    long[] rows = effect.clone();
    long[] combines = new long[32];
    for (int bit = 0; bit < 32; bit++) {
      combines[bit] = 1L << bit;
    }
    long target = now ^ wanted;
    long chosen = 0;
    for (int column = 31, row = 0; column >= 0; column--) {
      int pivot = -1;
      for (int r = row; r < 32; r++) {
        if ((rows[r] >>> column & 1) != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long swapRow = rows[pivot];
      rows[pivot] = rows[row];
      rows[row] = swapRow;
      long swapCombines = combines[pivot];
      combines[pivot] = combines[row];
      combines[row] = swapCombines;
      for (int r = 0; r < 32; r++) {
        if (r != row && (rows[r] >>> column & 1) != 0) {
          rows[r] ^= rows[row];
          combines[r] ^= combines[row];
        }
      }
      if ((target >>> column & 1) != 0) {
        target ^= rows[row];
        chosen ^= combines[row];
      }
      row++;
    }
    if (target != 0) {
      throw new IllegalStateException("no four bytes at " + at + " reach CRC-32C " + Long.toHexString(wanted));
    }
    byte[] patch = new byte[4];
    for (int bit = 0; bit < 32; bit++) {
      patch[bit / 8] = (byte) (patch[bit / 8] ^ ((chosen >>> bit & 1) << (bit % 8)));
    }
    for (int i = 0; i < 4; i++) {
      patch[i] ^= data[at + i];
    }
    return patch;
  }

  /** The CRC-32C of {@code data}. */
  public static long crc32c(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return crc.getValue();
  }
}

package dev.custos.image.e01;

import java.util.zip.Adler32;

/** The Adler-32 every E01 structure is guarded by. Stateless. */
final class Checksums {
  private Checksums() {}

  /** Adler-32 of {@code data[offset, offset + length)}. */
  static int adler32(byte[] data, int offset, int length) {
    Adler32 adler = new Adler32();
    adler.update(data, offset, length);
    return (int) adler.getValue();
  }

  /** Hex of an unsigned 32-bit value, as in messages: {@code 0x0a1b2c3d}. */
  /** Lowercase hex of {@code bytes}, as md5sum prints a digest. */
  static String hexBytes(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  static String hex(int value) {
    return String.format(java.util.Locale.ROOT, "0x%08x", value);
  }
}

package dev.custos.image.e01;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 76-byte descriptor that starts every section: type (16 bytes, NUL-padded ASCII), the offset
 * of the next section in the same file, the section's size including the descriptor, 40 zero bytes,
 * and the Adler-32 of the first 72 bytes.
 *
 * @param type the section type, e.g. {@code "sectors"}
 * @param next absolute offset of the next section; for {@code next} and {@code done} their own offset
 * @param size the section's size with its descriptor; 0 for {@code next} and {@code done}, as EnCase writes
 */
record SectionDescriptor(String type, long next, long size) {
  static final int SIZE = 76;

  SectionDescriptor {
    if (type.isEmpty() || type.length() > 16) {
      throw new IllegalArgumentException("section type must be 1 to 16 characters, got '" + type + "'");
    }
  }

  /** The 76 bytes of this descriptor. */
  byte[] encode() {
    byte[] bytes = new byte[SIZE];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(type.getBytes(StandardCharsets.US_ASCII));
    buffer.putLong(16, next).putLong(24, size);
    buffer.putInt(72, Checksums.adler32(bytes, 0, 72));
    return bytes;
  }

  /** A descriptor as read, and whether its checksum matched. */
  record Read(SectionDescriptor descriptor, int storedChecksum, int computedChecksum) {
    boolean checksumOk() {
      return storedChecksum == computedChecksum;
    }
  }

  /**
   * Decodes the 76 bytes at {@code bytes[offset]}; the checksum is reported, not enforced.
   *
   * @throws IllegalArgumentException if the type field is empty or not printable ASCII
   */
  static Read decode(byte[] bytes, int offset) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, SIZE).order(ByteOrder.LITTLE_ENDIAN);
    int length = 0;
    while (length < 16 && bytes[offset + length] != 0) {
      byte b = bytes[offset + length];
      if (b < 0x20 || b > 0x7e) {
        throw new IllegalArgumentException("section type holds byte 0x" + Integer.toHexString(b & 0xff));
      }
      length++;
    }
    if (length == 0) {
      throw new IllegalArgumentException("section type is empty");
    }
    String type = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    long next = buffer.getLong(offset + 16);
    long size = buffer.getLong(offset + 24);
    int stored = buffer.getInt(offset + 72);
    return new Read(new SectionDescriptor(type, next, size), stored, Checksums.adler32(bytes, offset, 72));
  }
}

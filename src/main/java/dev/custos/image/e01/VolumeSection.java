package dev.custos.image.e01;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * The body of the EnCase 5 to 7 {@code volume} section (and of the {@code data} section, its copy
 * in later segments): 1052 bytes, the last four the Adler-32 of the rest.
 *
 * @param mediaType 1 for a fixed disk
 * @param chunkCount chunks in the whole set (32-bit in the format)
 * @param sectorsPerChunk 64
 * @param bytesPerSector 512 or 4096
 * @param sectorCount sectors in the whole set (64-bit since EnCase 6)
 * @param mediaFlags bit 0 "image file" (always set, as EnCase does), bit 1 "physical"
 * @param compressionLevel 0 none, 1 good (fast), 2 best
 * @param errorGranularity sectors
 * @param guid the set identifier
 */
record VolumeSection(int mediaType, long chunkCount, int sectorsPerChunk, int bytesPerSector, long sectorCount,
    int mediaFlags, int compressionLevel, int errorGranularity, UUID guid) {
  static final int SIZE = 1052;
  static final int FLAG_IMAGE = 0x01;
  static final int FLAG_PHYSICAL = 0x02;
  static final int FIXED_DISK = 0x01;

  /** The volume of {@code media} written with {@code compression}. */
  static VolumeSection of(E01Media media, E01Compression compression, int sectorsPerChunk) {
    long chunkBytes = (long) sectorsPerChunk * media.bytesPerSector();
    long chunks = (media.mediaBytes() + chunkBytes - 1) / chunkBytes;
    int level = switch (compression) {
      case NONE, EMPTY_BLOCK -> 0;
      case FAST -> 1;
      case BEST -> 2;
    };
    return new VolumeSection(FIXED_DISK, chunks, sectorsPerChunk, media.bytesPerSector(), media.sectorCount(),
        FLAG_IMAGE | (media.physicalDisk() ? FLAG_PHYSICAL : 0), level, media.errorGranularitySectors(), media.guid());
  }

  /** The 1052 bytes of this section's body. */
  byte[] encode() {
    if (chunkCount > 0xffffffffL) {
      throw new IllegalArgumentException("an E01 holds at most 2^32 - 1 chunks, this media needs " + chunkCount);
    }
    byte[] bytes = new byte[SIZE];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(0, (byte) mediaType);
    buffer.putInt(4, (int) chunkCount);
    buffer.putInt(8, sectorsPerChunk);
    buffer.putInt(12, bytesPerSector);
    buffer.putLong(16, sectorCount);
    buffer.put(36, (byte) mediaFlags);
    buffer.put(52, (byte) compressionLevel);
    buffer.putInt(56, errorGranularity);
    // The GUID as EnCase stores it: the UUID's 16 bytes in network (big-endian) order.
    ByteBuffer.wrap(bytes, 64, 16).order(ByteOrder.BIG_ENDIAN)
        .putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits());
    buffer.putInt(SIZE - 4, Checksums.adler32(bytes, 0, SIZE - 4));
    return bytes;
  }

  /** Decodes a body of at least 1052 bytes at {@code bytes[offset]}; the checksum is not checked here. */
  static VolumeSection decode(byte[] bytes, int offset) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer guid = ByteBuffer.wrap(bytes, offset + 64, 16).order(ByteOrder.BIG_ENDIAN);
    return new VolumeSection(bytes[offset] & 0xff, buffer.getInt(offset + 4) & 0xffffffffL, buffer.getInt(offset + 8),
        buffer.getInt(offset + 12), buffer.getLong(offset + 16), bytes[offset + 36] & 0xff, bytes[offset + 52] & 0xff,
        buffer.getInt(offset + 56), new UUID(guid.getLong(), guid.getLong()));
  }

  /** Whether the trailing Adler-32 of the body at {@code bytes[offset]} matches. */
  static boolean checksumOk(byte[] bytes, int offset) {
    int stored = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(offset + SIZE - 4);
    return stored == Checksums.adler32(bytes, offset, SIZE - 4);
  }
}

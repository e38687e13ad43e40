package dev.custos.partition;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A GPT header as read from one sector, with the CRC32s it records and the ones computed.
 *
 * @param where "primary" or "backup", for the findings
 * @param lba the sector it was read from
 * @param headerCrcRecorded the header's CRC32 as recorded
 * @param headerCrcComputed the CRC32 of its {@code HeaderSize} bytes with that field zeroed
 */
record GptHeader(String where, long lba, long headerCrcRecorded, long headerCrcComputed, long myLba, long alternateLba,
    long firstUsableLba, long lastUsableLba, String diskGuid, long entriesLba, long entryCount, long entrySize,
    long entriesCrcRecorded) {
  /** Bytes of the entry array read at most: 128 entries of 128 bytes is the norm, this 64 times it. */
  static final long MAX_ENTRY_BYTES = 1L << 20;

  /**
   * The header at {@code lba}, or empty when the sector has no {@code EFI PART} signature (or no
   * plausible header size).
   */
  static Optional<GptHeader> at(Media media, long lba, int sectorSize, String where) throws IOException {
    byte[] sector = new byte[sectorSize];
    media.read(lba * sectorSize, sector, sectorSize);
    if (!Arrays.equals(Arrays.copyOf(sector, 8), Gpt.SIGNATURE)) {
      return Optional.empty();
    }
    long headerSize = Bytes.u32(sector, 12);
    if (headerSize < 92 || headerSize > sectorSize) {
      return Optional.empty();
    }
    long recorded = Bytes.u32(sector, 16);
    byte[] header = Arrays.copyOf(sector, (int) headerSize);
    Arrays.fill(header, 16, 20, (byte) 0);
    CRC32 crc = new CRC32();
    crc.update(header);
    return Optional.of(new GptHeader(where, lba, recorded, crc.getValue(), Bytes.u64(sector, 24), Bytes.u64(sector, 32),
        Bytes.u64(sector, 40), Bytes.u64(sector, 48), Bytes.guid(sector, 56), Bytes.u64(sector, 72), Bytes.u32(sector, 80),
        Bytes.u32(sector, 84), Bytes.u32(sector, 88)));
  }

  boolean headerCrcMatches() {
    return headerCrcRecorded == headerCrcComputed;
  }

  /** Whether its entry array is of a size worth reading: entries of at least 128 bytes, a multiple of 8. */
  boolean plausibleEntries() {
    return entrySize >= 128 && entrySize % 8 == 0 && entryCount * entrySize <= MAX_ENTRY_BYTES;
  }

  /** The entry array, or null when it lies past what can be read. */
  byte[] entries(Media media, int sectorSize) throws IOException {
    int length = (int) (entryCount * entrySize);
    if (entriesLba < 0 || entriesLba > media.readableBytes() / sectorSize
        || entriesLba * sectorSize > media.readableBytes() - length) {
      return null;
    }
    long at = entriesLba * sectorSize;
    byte[] array = new byte[length];
    media.read(at, array, length);
    return array;
  }

  static long crc(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return crc.getValue();
  }
}

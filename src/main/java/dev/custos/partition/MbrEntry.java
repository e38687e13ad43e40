package dev.custos.partition;

import java.util.ArrayList;
import java.util.List;

/**
 * One 16-byte entry of an MBR or an extended boot record.
 *
 * @param slot 0–3, its place in the sector
 * @param status 0x00, or 0x80 for the active (boot) partition
 * @param type the type byte; 0 for an empty slot
 * @param firstLba its first sector, relative to what the table is of
 * @param sectors sectors in it
 */
record MbrEntry(int slot, int status, int type, long firstLba, long sectors) {
  private static final int TABLE = 0x1be;

  /** The four entries of {@code sector}, empty slots included. */
  static List<MbrEntry> primaries(byte[] sector) {
    List<MbrEntry> entries = new ArrayList<>(4);
    for (int slot = 0; slot < 4; slot++) {
      int at = TABLE + 16 * slot;
      entries.add(new MbrEntry(slot, sector[at] & 0xff, sector[at + 4] & 0xff, Bytes.u32(sector, at + 8),
          Bytes.u32(sector, at + 12)));
    }
    return entries;
  }

  boolean empty() {
    return type == 0;
  }

  /** Whether it could be an entry at all: a known status, and a used slot has sectors. */
  boolean valid() {
    return (status == 0 || status == 0x80) && (empty() || sectors > 0);
  }
}

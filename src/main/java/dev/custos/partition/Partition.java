package dev.custos.partition;

import java.util.Objects;

/**
 * One partition as its table records it.
 *
 * @param number its number as Linux numbers it: MBR primaries 1–4 by slot, logical partitions from
 *     5 in chain order; GPT entries from 1 by index
 * @param firstLba its first sector
 * @param sectors sectors in it
 * @param sectorSize bytes per sector of the table's sectors
 * @param type its type
 * @param name its GPT name (UTF-16LE in the table), empty for an MBR partition or an unnamed one
 * @param guid its GPT unique partition GUID, empty for an MBR partition
 */
public record Partition(int number, long firstLba, long sectors, int sectorSize, PartitionType type, String name, String guid) {
  /** @throws IllegalArgumentException if a number is out of range or the bytes do not fit a long */
  public Partition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(guid, "guid");
    if (number < 1 || firstLba < 0 || sectors < 0 || sectorSize < 512 || Integer.bitCount(sectorSize) != 1) {
      throw new IllegalArgumentException("partition out of range: number " + number + ", LBA " + firstLba + ", " + sectors
          + " sectors of " + sectorSize + " bytes");
    }
    Math.multiplyExact(Math.addExact(firstLba, sectors), sectorSize); // its end, in bytes, must be a count
  }

  /** The sector after its last: {@code firstLba + sectors}. */
  public long endLba() {
    return firstLba + sectors;
  }

  /** Its first byte. */
  public long firstByte() {
    return firstLba * sectorSize;
  }

  /** Its size in bytes. */
  public long sizeBytes() {
    return sectors * sectorSize;
  }

  /**
   * One line for a reader: {@code 1: LBA 2048–6143, 4096 sectors (2097152 bytes), 0x0c FAT32 (LBA)},
   * and the GPT name in quotes when it has one.
   */
  public String line() {
    return number + ": LBA " + firstLba + "–" + (sectors == 0 ? firstLba : endLba() - 1) + ", " + sectors + " sectors ("
        + sizeBytes() + " bytes), " + type + (name.isEmpty() ? "" : ", \"" + name + "\"");
  }
}

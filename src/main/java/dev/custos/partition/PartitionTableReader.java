package dev.custos.partition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the partition table of a {@link Media}: a GPT where sector 0 holds a protective MBR or LBA
 * 1 holds a GPT header, else an MBR, else none. Stateless; thread-safe as far as the media is.
 */
public final class PartitionTableReader {
  /** The sector sizes a GPT header is looked for with, after the one given. */
  private static final int[] GPT_SECTOR_SIZES = {512, 4096};

  private PartitionTableReader() {}

  /**
   * The partition table of {@code media}.
   *
   * @param sectorSize the source's logical sector size: an MBR counts in it; a GPT is looked for at
   *     LBA 1 of it first, then of 512 and 4096 bytes (an image keeps no sector size of its own)
   * @return the table, with what does not check out as findings; never null
   * @throws IOException if the media cannot be read
   */
  public static PartitionTable read(Media media, int sectorSize) throws IOException {
    if (sectorSize < 512 || Integer.bitCount(sectorSize) != 1) {
      throw new IllegalArgumentException("sector size must be a power of two of at least 512, got " + sectorSize);
    }
    if (media.readableBytes() < 512) {
      return PartitionTable.none(sectorSize, "the media holds less than one sector");
    }
    byte[] sector0 = new byte[512];
    media.read(0, sector0, 512);
    boolean signed = (sector0[510] & 0xff) == 0x55 && (sector0[511] & 0xff) == 0xaa;
    int gptSectorSize = gptSectorSize(media, sectorSize);
    List<MbrEntry> entries = signed ? MbrEntry.primaries(sector0) : List.of();
    boolean protective = entries.stream().anyMatch(entry -> entry.type() == 0xee);
    if (gptSectorSize > 0 || protective) {
      List<String> findings = new ArrayList<>();
      if (!signed) {
        findings.add("no protective MBR: sector 0 has no boot signature 0x55AA");
      } else if (!protective) {
        findings.add("no protective MBR: sector 0 has no partition of type 0xee");
      } else if (entries.stream().anyMatch(entry -> entry.type() != 0xee && entry.type() != 0)) {
        findings.add("hybrid MBR: sector 0 lists partitions besides the GPT protective one");
      }
      return Gpt.read(media, gptSectorSize > 0 ? gptSectorSize : sectorSize, findings);
    }
    if (!signed) {
      return PartitionTable.none(sectorSize, "sector 0 has no boot signature 0x55AA");
    }
    String fileSystem = bootSectorFileSystem(sector0);
    if (!fileSystem.isEmpty()) {
      return PartitionTable.none(sectorSize, "sector 0 is the boot sector of a " + fileSystem
          + " file system, which fills the source without a partition table");
    }
    if (entries.stream().anyMatch(entry -> !entry.valid())) {
      return PartitionTable.none(sectorSize, "sector 0 has a boot signature, but its partition entries are not valid ones");
    }
    return Mbr.read(media, sectorSize, sector0, entries);
  }

  /** The sector size whose LBA 1 holds a GPT header signature; 0 if none does. */
  private static int gptSectorSize(Media media, int given) throws IOException {
    int[] sizes = new int[GPT_SECTOR_SIZES.length + 1];
    sizes[0] = given;
    System.arraycopy(GPT_SECTOR_SIZES, 0, sizes, 1, GPT_SECTOR_SIZES.length);
    byte[] signature = new byte[8];
    for (int size : sizes) {
      if (media.readableBytes() >= 2L * size) {
        media.read(size, signature, 8);
        if (Arrays.equals(signature, Gpt.SIGNATURE)) {
          return size;
        }
      }
    }
    return 0;
  }

  /**
   * The file system whose boot sector sector 0 is, or empty: a FAT or NTFS volume written from
   * sector 0 (a floppy, a "superfloppy" USB stick) also ends its first sector with 0x55AA, and
   * its boot code where an MBR's entries would be is no table.
   */
  private static String bootSectorFileSystem(byte[] sector0) {
    String oem = new String(sector0, 3, 8, StandardCharsets.US_ASCII);
    if (oem.equals("NTFS    ")) {
      return "NTFS";
    }
    if (oem.equals("EXFAT   ")) {
      return "exFAT";
    }
    boolean jumps = (sector0[0] & 0xff) == 0xeb || (sector0[0] & 0xff) == 0xe9;
    if (jumps && new String(sector0, 0x52, 5, StandardCharsets.US_ASCII).equals("FAT32")) {
      return "FAT32";
    }
    String fat = new String(sector0, 0x36, 5, StandardCharsets.US_ASCII);
    if (jumps && (fat.equals("FAT12") || fat.equals("FAT16") || fat.equals("FAT  "))) {
      return fat.strip();
    }
    return "";
  }
}

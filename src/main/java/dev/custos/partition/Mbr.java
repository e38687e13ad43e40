package dev.custos.partition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads an MBR: its four primary entries, and the chain of extended boot records of an extended one. Stateless. */
final class Mbr {
  /** Logical partitions followed at most: a chain longer than any tool makes is a damaged one. */
  private static final int MAX_LOGICAL = 256;

  private Mbr() {}

  static PartitionTable read(Media media, int sectorSize, byte[] sector0, List<MbrEntry> entries) throws IOException {
    List<Partition> partitions = new ArrayList<>();
    List<String> findings = new ArrayList<>();
    MbrEntry extended = null;
    for (MbrEntry entry : entries) {
      if (entry.empty()) {
        continue;
      }
      Partition partition = partition(entry.slot() + 1, entry.firstLba(), entry, sectorSize);
      partitions.add(partition);
      if (partition.type().isExtended()) {
        if (extended != null) {
          findings.add("more than one extended partition: only the logical partitions of partition " + (extended.slot() + 1)
              + " are read");
        } else {
          extended = entry;
        }
      }
    }
    if (extended != null) {
      logical(media, sectorSize, extended.firstLba(), partitions, findings);
    }
    if (partitions.isEmpty()) {
      findings.add("the MBR lists no partitions");
    }
    Extents.check(partitions, media.size() / sectorSize, findings);
    String diskId = String.format(Locale.ROOT, "0x%08x", Bytes.u32(sector0, 0x1b8));
    return new PartitionTable(PartitionScheme.MBR, sectorSize, diskId, partitions, findings);
  }

  /**
   * Follows the chain of extended boot records from {@code extendedLba}: each holds a logical
   * partition (relative to itself) and the link to the next (relative to the extended partition).
   */
  private static void logical(Media media, int sectorSize, long extendedLba, List<Partition> partitions, List<String> findings)
      throws IOException {
    Set<Long> seen = new HashSet<>();
    byte[] sector = new byte[512];
    long ebr = extendedLba;
    int number = 5;
    while (true) {
      if (!seen.add(ebr) || seen.size() > MAX_LOGICAL) {
        findings.add("the chain of extended boot records loops back to LBA " + ebr + ": it is read no further");
        return;
      }
      long at = Math.multiplyExact(ebr, (long) sectorSize);
      if (at > media.readableBytes() - 512) {
        findings.add("extended boot record at LBA " + ebr + " lies past the end of the media");
        return;
      }
      media.read(at, sector, 512);
      if ((sector[510] & 0xff) != 0x55 || (sector[511] & 0xff) != 0xaa) {
        findings.add("extended boot record at LBA " + ebr + " has no boot signature 0x55AA");
        return;
      }
      List<MbrEntry> links = MbrEntry.primaries(sector);
      MbrEntry logical = links.get(0);
      if (!logical.empty()) {
        partitions.add(partition(number++, ebr + logical.firstLba(), logical, sectorSize));
      }
      MbrEntry next = links.get(1);
      if (next.empty() || !PartitionType.mbr(next.type()).isExtended()) {
        return;
      }
      ebr = extendedLba + next.firstLba();
    }
  }

  private static Partition partition(int number, long firstLba, MbrEntry entry, int sectorSize) {
    return new Partition(number, firstLba, entry.sectors(), sectorSize, PartitionType.mbr(entry.type()), "", "");
  }
}

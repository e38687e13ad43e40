package dev.custos.partition;

import java.util.List;
import java.util.Objects;

/**
 * The partition table of a source as read from its bytes: its scheme, its partitions and what
 * does not check out. Immutable.
 *
 * @param scheme MBR, GPT, or none found
 * @param sectorSize bytes per sector the table is read with (a GPT's is found by where its header
 *     is; an MBR's is the source's logical sector size)
 * @param diskId the MBR disk signature ({@code 0x1234abcd}) or the GPT disk GUID; empty when none
 * @param partitions the partitions, by number
 * @param findings what does not check out, in words ("GPT header CRC mismatch …"); for {@link
 *     PartitionScheme#NONE}, why none was found. Empty when everything checks out
 */
public record PartitionTable(PartitionScheme scheme, int sectorSize, String diskId, List<Partition> partitions,
    List<String> findings) {
  /** @throws IllegalArgumentException if there is no table but there are partitions */
  public PartitionTable {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(diskId, "diskId");
    partitions = List.copyOf(partitions);
    findings = List.copyOf(findings);
    if (scheme == PartitionScheme.NONE && !partitions.isEmpty()) {
      throw new IllegalArgumentException("no partition table, yet " + partitions.size() + " partitions");
    }
    if (sectorSize < 512 || Integer.bitCount(sectorSize) != 1) {
      throw new IllegalArgumentException("sector size must be a power of two of at least 512, got " + sectorSize);
    }
  }

  /** No table found, and why. */
  public static PartitionTable none(int sectorSize, String why) {
    return new PartitionTable(PartitionScheme.NONE, sectorSize, "", List.of(), List.of(why));
  }

  /** What a reader reads first: {@code GPT (GUID partition table), 3 partitions} or {@code no partition table found (…)}. */
  public String headline() {
    if (scheme == PartitionScheme.NONE) {
      return scheme.title() + (findings.isEmpty() ? "" : " (" + findings.get(0) + ")");
    }
    return scheme.title() + ", " + partitions.size() + (partitions.size() == 1 ? " partition" : " partitions")
        + ", " + sectorSize + "-byte sectors";
  }
}

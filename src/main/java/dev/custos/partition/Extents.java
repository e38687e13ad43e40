package dev.custos.partition;

import java.util.List;

/** Where partitions lie against the media. Stateless. */
final class Extents {
  private Extents() {}

  /** Adds a finding for each partition that extends past the last of {@code mediaSectors}. */
  static void check(List<Partition> partitions, long mediaSectors, List<String> findings) {
    for (Partition partition : partitions) {
      if (partition.endLba() > mediaSectors) {
        findings.add("partition " + partition.number() + " extends past the end of the media (it ends at LBA "
            + (partition.endLba() - 1) + ", the media's last LBA is " + (mediaSectors - 1) + ")");
      }
    }
  }
}

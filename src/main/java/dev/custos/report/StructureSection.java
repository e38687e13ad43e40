package dev.custos.report;

import dev.custos.evidence.Manifest;
import dev.custos.evidence.RecordedManifest;
import dev.custos.partition.Partition;
import dev.custos.partition.PartitionScheme;
import dev.custos.partition.PartitionTable;
import java.util.List;

/**
 * "Source structure": the partition table as read from the image — its scheme, a table of the
 * partitions, every finding. The sector map draws the partitions ({@link MapPartitions}), so a
 * reader sees which partition a bad range falls in. Absent for manifests that record no table
 * (builds before it, acquisitions that did not complete).
 */
final class StructureSection {
  private StructureSection() {}

  static void write(PageWriter page, RecordedManifest manifest) {
    if (manifest.partitions().isEmpty()) {
      return;
    }
    Manifest.Partitions recorded = manifest.partitions().get();
    PartitionTable table = recorded.table();
    page.heading("Source structure");
    if (table.scheme() == PartitionScheme.NONE) {
      page.paragraph("No partition table found" + (table.findings().isEmpty() ? "." : " (" + table.findings().get(0) + ")."),
          page.body);
      page.paragraph("Read from " + recorded.readFrom() + ".", page.small);
      return;
    }
    page.field("Scheme", table.scheme().title());
    page.field("Disk identifier", table.diskId().isEmpty() ? "none" : table.diskId());
    page.field("Sector size", table.sectorSize() + " bytes (the unit of the LBAs below)");
    page.field("Read from", recorded.readFrom());
    page.down(3);
    if (table.partitions().isEmpty()) {
      page.paragraph("The table lists no partitions.", page.body);
    } else {
      partitionTable(page, table.partitions());
      page.paragraph("The sector map below shows where each partition lies.", page.small);
      page.down(3);
    }
    if (table.findings().isEmpty()) {
      page.paragraph("Every check of the table passed" + (table.scheme() == PartitionScheme.GPT
          ? ": protective MBR, both GPT headers and their partition entry arrays against their CRC32s." : "."), page.body);
    }
    for (String finding : table.findings()) {
      page.paragraph("Finding: " + finding + ".", page.bold.colored(Style.ALERT));
    }
  }

  private static void partitionTable(PageWriter page, List<Partition> partitions) {
    float w = page.width();
    Table table = new Table(page, List.of(
        new Table.Column("No.", w * 0.06f, page.mono),
        new Table.Column("First LBA", w * 0.13f, page.mono),
        new Table.Column("Last LBA", w * 0.13f, page.mono),
        new Table.Column("Sectors", w * 0.13f, page.mono),
        new Table.Column("Size", w * 0.17f, page.mono),
        new Table.Column("Type", w * 0.24f, page.small),
        new Table.Column("Name", w * 0.14f, page.small)));
    for (Partition partition : partitions) {
      table.row(Integer.toString(partition.number()), Long.toString(partition.firstLba()),
          Long.toString(partition.sectors() == 0 ? partition.firstLba() : partition.endLba() - 1), Long.toString(partition.sectors()),
          Formats.bytes(partition.sizeBytes()),
          partition.type().name() + "\n" + partition.type().code(), partition.name());
    }
    table.end();
  }
}

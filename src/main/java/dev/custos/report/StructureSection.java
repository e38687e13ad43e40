package dev.custos.report;

import dev.custos.evidence.Manifest;
import dev.custos.evidence.RecordedManifest;
import dev.custos.partition.Partition;
import dev.custos.partition.PartitionScheme;
import dev.custos.partition.PartitionTable;
import java.awt.Color;
import java.util.List;

/**
 * "Source structure": the partition table as read from the image — its scheme, a table of the
 * partitions, every finding — and a bar of the whole source with the partitions on it, at the
 * scale of the sector map, so a reader sees which partition a bad range falls in. Absent for
 * manifests that record no table (builds before it, acquisitions that did not complete).
 */
final class StructureSection {
  private static final Color[] FILLS = {new Color(0xb8, 0xd0, 0xe8), new Color(0xe8, 0xd8, 0xb0)};
  private static final float BAR_HEIGHT = 14;

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
      page.down(4);
      bar(page, table.partitions(), manifest.source().sizeBytes());
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

  /** The whole source, LBA 0 on the left, each partition a numbered block where it lies. */
  private static void bar(PageWriter page, List<Partition> partitions, long sourceBytes) {
    Style small = page.small;
    page.ensure(BAR_HEIGHT + 2 * small.leading() + 10);
    float left = PageWriter.LEFT;
    float width = page.width();
    float top = page.y() - 2;
    float bottom = top - BAR_HEIGHT;
    double total = Math.max(1, sourceBytes);
    Draw draw = new Draw(page.content());
    draw.fillRect(left, bottom, width, BAR_HEIGHT, Color.WHITE);
    int index = 0;
    for (Partition partition : partitions) {
      float from = left + (float) (width * Math.min(1, partition.firstByte() / total));
      float to = left + (float) (width * Math.min(1, (partition.firstByte() + partition.sizeBytes()) / total));
      draw.fillRect(from, bottom, Math.max(0.8f, to - from), BAR_HEIGHT, FILLS[index++ % FILLS.length]);
      draw.line(from, bottom, from, top, Style.INK, 0.4f);
      String label = Integer.toString(partition.number());
      if (to - from > small.width(label) + 2) {
        page.line((from + to - small.width(label)) / 2, bottom + (BAR_HEIGHT - small.size()) / 2 + 1.5f, small, label);
      }
    }
    draw.strokeRect(left, bottom, width, BAR_HEIGHT, Style.INK, 0.6f);
    float labels = bottom - 4 - small.size();
    page.line(left, labels, small, "byte 0");
    String end = Formats.bytes(sourceBytes);
    page.line(left + width - small.width(end), labels, small, end);
    String legend = "partitions by number, at the scale of the sector map; white: outside every partition";
    page.line(left, labels - small.leading(), small, legend);
    page.down(page.y() - (labels - small.leading() - 8));
  }
}

package dev.custos.report;

import dev.custos.partition.Partition;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The partitions on the sector map, so that even a map with nothing unreadable says what lies
 * where: above the bar, each partition a numbered block at the map's scale (one nested in another,
 * an MBR logical partition in its extended one, on a row below it); a line through the bar at each
 * partition's first sector and after its last, thin enough that a red range beside it still shows;
 * and a legend naming each partition, its type and its LBAs, the table's own sector numbers as
 * {@code sfdisk} and {@code mmls} print them. Immutable once made.
 */
final class MapPartitions {
  static final float LANE = 11;
  private static final Color[] FILLS = {new Color(0xb8, 0xd0, 0xe8), new Color(0xe8, 0xd8, 0xb0), new Color(0xd8, 0xc8, 0xe8)};
  private static final float SWATCH = 8;

  private final List<Partition> partitions;
  private final int[] lanes;
  private final int laneCount;
  private final double sourceBytes;

  /** The {@code partitions} of a source of {@code sourceBytes} bytes, in the order their table lists them. */
  MapPartitions(List<Partition> partitions, long sourceBytes) {
    this.partitions = List.copyOf(partitions);
    this.sourceBytes = Math.max(1, sourceBytes);
    this.lanes = new int[this.partitions.size()];
    List<Long> laneEnds = new ArrayList<>();
    for (int i = 0; i < this.partitions.size(); i++) {
      Partition partition = this.partitions.get(i);
      if (!onMap(partition)) {
        continue;
      }
      int lane = 0;
      while (lane < laneEnds.size() && laneEnds.get(lane) > partition.firstByte()) {
        lane++;
      }
      if (lane == laneEnds.size()) {
        laneEnds.add(0L);
      }
      laneEnds.set(lane, partition.firstByte() + partition.sizeBytes());
      lanes[i] = lane;
    }
    this.laneCount = laneEnds.size();
  }

  boolean isEmpty() {
    return partitions.isEmpty();
  }

  /** Height of the rows of blocks above the bar. */
  float lanesHeight() {
    return laneCount == 0 ? 0 : laneCount * LANE + 2;
  }

  /** Height of the legend. */
  float legendHeight(PageWriter page) {
    // The line before the list may wrap once.
    return partitions.isEmpty() ? 0 : (partitions.size() + 2) * page.small.leading() + 4;
  }

  /** The rows of numbered blocks, their top at {@code top}. */
  void drawLanes(PageWriter page, float left, float width, float top) {
    Draw draw = new Draw(page.content());
    Style small = page.small;
    for (int i = 0; i < partitions.size(); i++) {
      if (!onMap(partitions.get(i))) {
        continue; // wholly past the source's end: at the map's scale it is nowhere on it
      }
      float from = x(left, width, partitions.get(i).firstByte());
      float to = x(left, width, partitions.get(i).firstByte() + partitions.get(i).sizeBytes());
      float bottom = top - (lanes[i] + 1) * LANE;
      draw.fillRect(from, bottom, Math.max(0.8f, to - from), LANE - 1, fill(i));
      draw.strokeRect(from, bottom, Math.max(0.8f, to - from), LANE - 1, Style.INK, 0.4f);
      String label = Integer.toString(partitions.get(i).number());
      if (to - from > small.width(label) + 2) {
        page.line((from + to - small.width(label)) / 2, bottom + (LANE - 1 - small.size()) / 2 + 1.2f, small, label);
      }
    }
  }

  /** A line across the bar (from {@code top} to {@code bottom}) at every partition's start and end. */
  void drawBoundaries(PageWriter page, float left, float width, float top, float bottom) {
    Draw draw = new Draw(page.content());
    for (Partition partition : partitions) {
      if (!onMap(partition)) {
        continue;
      }
      for (long at : new long[] {partition.firstByte(), partition.firstByte() + partition.sizeBytes()}) {
        float x = x(left, width, at);
        draw.line(x, bottom, x, top, Style.INK, 0.6f);
      }
    }
  }

  /** One line a partition, with its block's colour: number, name, type, LBAs, size. */
  void legend(PageWriter page) {
    Style small = page.small;
    page.ensure(2 * small.leading());
    page.paragraph("Partitions above the map, at its scale, with a line through the map where each begins and ends "
        + "(white: outside every partition); LBAs are the partition table's own sectors:", small);
    for (int i = 0; i < partitions.size(); i++) {
      Partition partition = partitions.get(i);
      // A long list breaks, but never before or after its last entry alone.
      page.ensure((i == 0 || i == partitions.size() - 2 ? Math.min(2, partitions.size() - i) : 1) * small.leading());
      float baseline = page.y() - small.size();
      new Draw(page.content()).fillRect(PageWriter.LEFT, baseline - 0.5f, SWATCH, 6, fill(i));
      new Draw(page.content()).strokeRect(PageWriter.LEFT, baseline - 0.5f, SWATCH, 6, Style.INK, 0.3f);
      String text = partition.number() + "  " + (partition.name().isEmpty() ? "" : partition.name() + " \u00b7 ")
          + partition.type().name() + " \u00b7 LBA " + partition.firstLba() + "\u2013"
          + (partition.sectors() == 0 ? partition.firstLba() : partition.endLba() - 1) + " \u00b7 " + Formats.bytes(partition.sizeBytes())
          + (onMap(partition) ? "" : " \u00b7 wholly past the end of the source: not on the map");
      page.line(PageWriter.LEFT + SWATCH + 4, baseline, small, page.fonts.printable(text, small.font()));
      page.down(small.leading());
    }
    page.down(4);
  }

  /** Whether any of {@code partition} lies on the source: one that begins at or past its end has no place on the map. */
  private boolean onMap(Partition partition) {
    return partition.firstByte() < sourceBytes;
  }

  private Color fill(int index) {
    return FILLS[index % FILLS.length];
  }

  private float x(float left, float width, long byteOffset) {
    return left + (float) (width * Math.min(1, byteOffset / sourceBytes));
  }
}

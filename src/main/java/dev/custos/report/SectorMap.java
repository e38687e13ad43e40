package dev.custos.report;

import java.awt.Color;
import java.util.List;

/**
 * The sector map: one bar across the whole source, LBA 0 on the left and the last LBA on the right;
 * unreadable ranges in red (at least a hairline wide, so one bad sector on a large drive still
 * shows), what was never read (an interrupted acquisition) in grey, and a tick at every piece
 * boundary (every n-th when they would merge); the partitions, when the source has a table of them,
 * above the bar and across it ({@link MapPartitions}).
 */
final class SectorMap {
  static final Color READ = new Color(0xc9, 0xe4, 0xd0);
  static final Color BAD = new Color(0xd0, 0x10, 0x20);
  static final Color NOT_READ = new Color(0xc8, 0xc8, 0xc8);
  private static final float BAR_HEIGHT = 20;
  private static final float MIN_TICK_SPACING = 3;

  /** One range of sectors. */
  record Range(long firstLba, long count) {}

  private SectorMap() {}

  /**
   * Draws the map at the cursor.
   *
   * @param sectorCount sectors of the source
   * @param acquiredSectors sectors read from LBA 0 on (less than {@code sectorCount} when interrupted)
   * @param sectorsPerPiece sectors in one piece, 0 when unknown
   * @param partitions the partitions to draw on the map, maybe none
   */
  static void draw(PageWriter page, long sectorCount, long acquiredSectors, List<Range> bad, long sectorsPerPiece,
      MapPartitions partitions) {
    Style small = page.small;
    // The map, its labels and its partition legend stay on one page, unless they fill more than one.
    page.ensure(Math.min(page.body.leading() + 2 + partitions.lanesHeight() + BAR_HEIGHT + 4 * small.leading() + 12
        + partitions.legendHeight(page), PageWriter.TOP - PageWriter.BOTTOM));
    page.paragraph("The bar is the whole source, from its first sector (LBA 0) on the left to its last on the right.",
        page.body);
    page.down(2);
    float left = PageWriter.LEFT;
    float width = page.width();
    float lanesTop = page.y() - 4;
    partitions.drawLanes(page, left, width, lanesTop);
    float top = lanesTop - partitions.lanesHeight();
    float bottom = top - BAR_HEIGHT;
    Draw draw = new Draw(page.content());
    long total = Math.max(1, sectorCount);
    draw.fillRect(left, bottom, width, BAR_HEIGHT, READ);
    if (acquiredSectors < sectorCount) {
      float from = x(left, width, total, Math.max(0, acquiredSectors));
      draw.fillRect(from, bottom, left + width - from, BAR_HEIGHT, NOT_READ);
    }
    for (Range range : bad) {
      float from = x(left, width, total, range.firstLba());
      float to = x(left, width, total, range.firstLba() + range.count());
      draw.fillRect(from, bottom, Math.max(0.8f, to - from), BAR_HEIGHT, BAD);
    }
    long step = tickStep(sectorCount, sectorsPerPiece, width);
    if (step > 0) {
      for (long lba = step; lba < sectorCount; lba += step) {
        float at = x(left, width, total, lba);
        draw.line(at, bottom - 4, at, bottom + 3, Style.INK, 0.5f);
      }
    }
    partitions.drawBoundaries(page, left, width, top, bottom);
    draw.strokeRect(left, bottom, width, BAR_HEIGHT, Style.INK, 0.6f);

    float labels = bottom - 6 - small.size();
    page.line(left, labels, small, "LBA 0");
    String last = sectorCount > 0 ? "LBA " + (sectorCount - 1) : "no sectors";
    page.line(left + width - small.width(last), labels, small, last);
    page.down(page.y() - (labels - 6));
    legend(page, sectorsPerPiece, step, bad.isEmpty() && acquiredSectors >= sectorCount);
    if (!partitions.isEmpty()) {
      partitions.legend(page);
    }
  }

  // "every sector" only when every sector was read: none unreadable and none left unacquired.
  private static void legend(PageWriter page, long sectorsPerPiece, long step, boolean noBad) {
    Style small = page.small;
    float y = page.y() - small.size();
    Draw draw = new Draw(page.content());
    float x = PageWriter.LEFT;
    draw.fillRect(x, y, 8, 6, READ);
    x = text(page, x + 11, y, "read" + (noBad ? " (every sector)" : ""));
    draw.fillRect(x, y, 8, 6, BAD);
    x = text(page, x + 11, y, "unreadable, zero-filled in the image");
    draw.fillRect(x, y, 8, 6, NOT_READ);
    x = text(page, x + 11, y, "not acquired");
    if (step > 0) {
      draw.line(x + 4, y - 2, x + 4, y + 7, Style.INK, 0.5f);
      text(page, x + 9, y, step == sectorsPerPiece ? "piece boundary" : "every " + step / sectorsPerPiece + "th piece boundary");
    }
    page.down(small.leading() + 6);
  }

  private static float text(PageWriter page, float x, float baseline, String text) {
    page.line(x, baseline, page.small, text);
    return x + page.small.width(text) + 14;
  }

  /** Sectors between ticks: a piece, or a multiple of it so ticks stay apart; 0 for none. */
  static long tickStep(long sectorCount, long sectorsPerPiece, float width) {
    if (sectorsPerPiece <= 0 || sectorsPerPiece >= sectorCount) {
      return 0;
    }
    long pieces = (sectorCount + sectorsPerPiece - 1) / sectorsPerPiece;
    long every = Math.max(1, (long) Math.ceil(pieces * MIN_TICK_SPACING / width));
    return Math.multiplyExact(every, sectorsPerPiece);
  }

  private static float x(float left, float width, long total, long lba) {
    return left + (float) (width * ((double) lba / total));
  }
}

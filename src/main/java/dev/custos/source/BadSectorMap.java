package dev.custos.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The unreadable sectors found so far, as ascending, merged ranges. Written by the reader thread;
 * read by any thread (the progress display, the progress record of each piece).
 */
public final class BadSectorMap {
  private final List<SectorRange> ranges = new ArrayList<>();
  private final AtomicLong sectorCount = new AtomicLong();

  /** Records that sector {@code lba} stayed unreadable; sectors arrive in ascending order. */
  public synchronized void add(long lba) {
    int last = ranges.size() - 1;
    if (last >= 0 && ranges.get(last).endLba() == lba) {
      SectorRange previous = ranges.get(last);
      ranges.set(last, new SectorRange(previous.firstLba(), previous.count() + 1));
    } else {
      if (last >= 0 && ranges.get(last).endLba() > lba) {
        throw new IllegalArgumentException("bad sectors must be added in ascending order: " + lba + " after " + ranges.get(last));
      }
      ranges.add(new SectorRange(lba, 1));
    }
    sectorCount.incrementAndGet();
  }

  /** Unreadable sectors so far; any thread. */
  public long sectorCount() {
    return sectorCount.get();
  }

  /**
   * Records a whole range found earlier (a resumed acquisition's, from its progress record); ranges
   * arrive in ascending order, after every sector added so far.
   */
  public synchronized void addRange(SectorRange range) {
    int last = ranges.size() - 1;
    if (last >= 0 && ranges.get(last).endLba() > range.firstLba()) {
      throw new IllegalArgumentException("bad sectors must be added in ascending order: " + range + " after " + ranges.get(last));
    }
    if (last >= 0 && ranges.get(last).endLba() == range.firstLba()) {
      SectorRange previous = ranges.get(last);
      ranges.set(last, new SectorRange(previous.firstLba(), previous.count() + range.count()));
    } else {
      ranges.add(range);
    }
    sectorCount.addAndGet(range.count());
  }

  /** The ranges so far, ascending. */
  public synchronized List<SectorRange> ranges() {
    return List.copyOf(ranges);
  }

  /** The parts of the ranges so far that lie in sectors {@code [firstLba, endLba)}, ascending. */
  public synchronized List<SectorRange> rangesWithin(long firstLba, long endLba) {
    List<SectorRange> within = new ArrayList<>();
    for (SectorRange range : ranges) {
      long start = Math.max(range.firstLba(), firstLba);
      long end = Math.min(range.endLba(), endLba);
      if (start < end) {
        within.add(new SectorRange(start, end - start));
      }
    }
    return within;
  }
}

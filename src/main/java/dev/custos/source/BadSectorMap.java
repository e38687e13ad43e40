package dev.custos.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The unreadable sectors found so far, as ascending, merged ranges. Written by the reader thread;
 * {@link #sectorCount()} may be read by any thread.
 */
public final class BadSectorMap {
  private final List<SectorRange> ranges = new ArrayList<>();
  private final AtomicLong sectorCount = new AtomicLong();

  /** Records that sector {@code lba} stayed unreadable; sectors arrive in ascending order. */
  public void add(long lba) {
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

  /** The ranges so far, ascending; the reader thread, or any thread once it is done. */
  public List<SectorRange> ranges() {
    return List.copyOf(ranges);
  }
}

package dev.custos.source;

/**
 * A run of sectors: {@code count} sectors from logical block address {@code firstLba}. LBA 0 is a
 * sector like any other.
 *
 * @param firstLba first sector, from 0
 * @param count how many sectors, at least 1
 */
public record SectorRange(long firstLba, long count) {
  /**
   * @throws IllegalArgumentException if {@code firstLba} is negative, {@code count} is not positive,
   *     or the range passes the largest LBA
   */
  public SectorRange {
    if (firstLba < 0) {
      throw new IllegalArgumentException("first LBA must not be negative, got " + firstLba);
    }
    if (count < 1) {
      throw new IllegalArgumentException("a sector range holds at least one sector, got " + count);
    }
    if (count > Long.MAX_VALUE - firstLba) {
      throw new IllegalArgumentException(
          "a range of " + count + " sectors from LBA " + firstLba + " passes the largest LBA");
    }
  }

  /** The LBA after the last sector of the range. */
  public long endLba() {
    return firstLba + count;
  }

  /** The last sector of the range. */
  public long lastLba() {
    return firstLba + count - 1;
  }

  /** Size in bytes for sectors of {@code sectorSize} bytes. */
  public long bytes(int sectorSize) {
    return Math.multiplyExact(count, (long) sectorSize);
  }

  /** This range and {@code next} as one, when {@code next} starts where this one ends. */
  public boolean isFollowedBy(SectorRange next) {
    return endLba() == next.firstLba();
  }

  @Override
  public String toString() {
    return count == 1 ? "LBA " + firstLba : "LBA " + firstLba + "-" + lastLba() + " (" + count + " sectors)";
  }
}

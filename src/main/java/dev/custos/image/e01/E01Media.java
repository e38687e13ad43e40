package dev.custos.image.e01;

import java.util.Objects;
import java.util.UUID;

/**
 * What an E01 holds: the media's size and geometry, as its volume section records them.
 *
 * @param mediaBytes size of the media, above 0 and a multiple of {@code bytesPerSector}
 * @param bytesPerSector 512 or 4096
 * @param physicalDisk whether the media is a physical disk (the volume's "physical" media flag)
 *     rather than a partition or a file
 * @param errorGranularitySectors the error granularity recorded in the volume section, in sectors
 *     (at least 1)
 * @param guid the set identifier recorded in the volume section
 */
public record E01Media(long mediaBytes, int bytesPerSector, boolean physicalDisk, int errorGranularitySectors, UUID guid) {
  /**
   * @throws IllegalArgumentException if the size is not positive or not a multiple of the sector
   *     size, the sector size is neither 512 nor 4096, or the granularity is below 1
   * @throws NullPointerException if {@code guid} is null
   */
  public E01Media {
    Objects.requireNonNull(guid, "guid");
    if (bytesPerSector != 512 && bytesPerSector != 4096) {
      throw new IllegalArgumentException("E01 bytes per sector must be 512 or 4096, got " + bytesPerSector);
    }
    if (mediaBytes <= 0 || mediaBytes % bytesPerSector != 0) {
      throw new IllegalArgumentException("E01 media size must be above 0 and a multiple of " + bytesPerSector
          + " bytes per sector, got " + mediaBytes + " bytes");
    }
    if (errorGranularitySectors < 1) {
      throw new IllegalArgumentException("E01 error granularity must be at least 1 sector, got " + errorGranularitySectors);
    }
  }

  /** The number of sectors. */
  public long sectorCount() {
    return mediaBytes / bytesPerSector;
  }
}

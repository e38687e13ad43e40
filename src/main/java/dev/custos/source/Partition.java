package dev.custos.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One partition of a block device, as the kernel knows it (sysfs), with its mounts.
 *
 * <p>The kernel states a partition's start and size in 512-byte units whatever the drive's sector
 * size; they are kept here as exact bytes, and {@link #startLba(int)} gives the start in the
 * drive's own logical sectors, as a partition table records it.
 *
 * @param name the kernel's name, e.g. {@code sda1}, {@code loop3p2}
 * @param path the device node, {@code /dev/<name>}
 * @param nodePresent whether that node exists on this system (it may not, in a container)
 * @param deviceNumber {@code major:minor}
 * @param number the partition number ({@code 1} for {@code sda1})
 * @param startBytes offset of its first byte on the whole device
 * @param sizeBytes exact size in bytes
 * @param kernelReadOnly the kernel's read-only flag of the partition
 * @param holders devices built on it (device-mapper, md RAID), by kernel name
 * @param mounts where it is mounted, and how
 */
public record Partition(
    String name,
    Path path,
    boolean nodePresent,
    DeviceNumber deviceNumber,
    int number,
    long startBytes,
    long sizeBytes,
    boolean kernelReadOnly,
    List<String> holders,
    List<Mount> mounts) {

  /**
   * @throws IllegalArgumentException if the number is not positive, or the start or size is
   *     negative or not a whole number of 512-byte units
   */
  public Partition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(deviceNumber, "deviceNumber");
    holders = List.copyOf(holders);
    mounts = List.copyOf(mounts);
    if (number < 1) {
      throw new IllegalArgumentException("partition number must be at least 1, got " + number + " for " + name);
    }
    requireUnits(startBytes, "start", name);
    requireUnits(sizeBytes, "size", name);
  }

  private static void requireUnits(long bytes, String what, String name) {
    if (bytes < 0 || bytes % 512 != 0) {
      throw new IllegalArgumentException(
          "partition " + what + " must be a non-negative multiple of 512 bytes, got " + bytes + " for " + name);
    }
  }

  /**
   * The first sector of the partition in logical sectors of {@code logicalSectorSize} bytes (LBA
   * 0 is the first sector of the drive).
   *
   * @throws IllegalArgumentException if the start is not on a sector boundary of that size
   */
  public long startLba(int logicalSectorSize) {
    if (logicalSectorSize <= 0 || startBytes % logicalSectorSize != 0) {
      throw new IllegalArgumentException("partition " + name + " starts at byte " + startBytes
          + ", not on a boundary of " + logicalSectorSize + "-byte sectors");
    }
    return startBytes / logicalSectorSize;
  }
}

package dev.custos.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a source is, as far as the kernel and the drive tell: the facts an examiner records about
 * the evidence before reading it. Text fields are {@code null} where the kernel does not know them.
 *
 * @param path the path the examiner named
 * @param kind block device, partition or file
 * @param deviceNumber {@code major:minor}, {@code null} for a file
 * @param vendor vendor as the device reports it
 * @param model model as the device reports it
 * @param serial serial number as the device reports it
 * @param sizeBytes exact size in bytes
 * @param logicalSectorSize bytes per logical sector (the LBA unit)
 * @param physicalSectorSize bytes per physical sector
 * @param removable the kernel's removable flag
 * @param rotational the kernel's rotational flag
 * @param kernelReadOnly the kernel's read-only flag of the device ({@code false} for a file)
 * @param hiddenAreas HPA/DCO state
 * @param backingFile for a loop device, the file behind it
 * @param mounts mounted file systems of the device and its partitions (or of the whole disk of a
 *     partition)
 * @param coveringDevices the devices whose sectors overlap the source's: the device, its whole
 *     disk, and for a whole disk its partitions; empty for a file
 */
public record SourceIdentity(
    Path path,
    SourceKind kind,
    DeviceNumber deviceNumber,
    String vendor,
    String model,
    String serial,
    long sizeBytes,
    int logicalSectorSize,
    int physicalSectorSize,
    boolean removable,
    boolean rotational,
    boolean kernelReadOnly,
    HiddenAreas hiddenAreas,
    String backingFile,
    List<Mount> mounts,
    java.util.Set<DeviceNumber> coveringDevices) {

  /**
   * @throws IllegalArgumentException if a size is negative or a sector size is not a positive
   *     power of two
   */
  public SourceIdentity {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(hiddenAreas, "hiddenAreas");
    mounts = List.copyOf(mounts);
    coveringDevices = java.util.Set.copyOf(coveringDevices);
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("source size must not be negative, got " + sizeBytes);
    }
    requireSectorSize(logicalSectorSize, "logical");
    requireSectorSize(physicalSectorSize, "physical");
  }

  private static void requireSectorSize(int size, String what) {
    if (size < 512 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException(what + " sector size must be a power of two of at least 512, got " + size);
    }
  }

  /** Number of logical sectors, rounding a partial last sector up. */
  public long sectorCount() {
    return (sizeBytes + logicalSectorSize - 1) / logicalSectorSize;
  }

  /** Mounts that are writable. */
  public List<Mount> writableMounts() {
    return mounts.stream().filter(mount -> !mount.readOnly()).toList();
  }
}

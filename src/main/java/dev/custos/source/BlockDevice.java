package dev.custos.source;

import java.util.List;
import java.util.Objects;

/**
 * A whole block device as {@code acquire devices} lists it: its identity (the same facts a
 * manifest records of a source), and its partitions.
 *
 * @param name the kernel's name, e.g. {@code sda}, {@code nvme0n1}, {@code loop3}
 * @param identity the device's identity; its {@link SourceIdentity#mounts() mounts} are those of
 *     the device and of all its partitions
 * @param nodePresent whether {@link SourceIdentity#path() the device node} exists on this system
 * @param holders devices built on the whole device (device-mapper, md RAID), by kernel name
 * @param partitions its partitions, by partition number
 */
public record BlockDevice(
    String name,
    SourceIdentity identity,
    boolean nodePresent,
    List<String> holders,
    List<Partition> partitions) {

  /** @throws IllegalArgumentException if the identity is not of a whole block device */
  public BlockDevice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(identity, "identity");
    holders = List.copyOf(holders);
    partitions = List.copyOf(partitions);
    if (identity.kind() != SourceKind.BLOCK_DEVICE) {
      throw new IllegalArgumentException(name + " must be a whole block device, got " + identity.kind().id());
    }
  }

  /** Mounts of the whole device itself (a file system without a partition table), not of its partitions. */
  public List<Mount> ownMounts() {
    return identity.mounts().stream()
        .filter(mount -> mount.device().equals(identity.deviceNumber()))
        .toList();
  }
}

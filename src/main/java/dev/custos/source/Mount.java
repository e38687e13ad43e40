package dev.custos.source;

/**
 * One mounted file system, from {@code /proc/self/mountinfo}.
 *
 * @param device the block device it is mounted from
 * @param mountPoint where it is mounted
 * @param fileSystemType e.g. {@code vfat}, {@code ext4}
 * @param readOnly whether the mount is read-only
 */
public record Mount(DeviceNumber device, String mountPoint, String fileSystemType, boolean readOnly) {}

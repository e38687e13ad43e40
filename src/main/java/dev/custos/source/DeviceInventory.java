package dev.custos.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The block devices of this system, as {@code /sys/class/block} and {@code /proc/self/mountinfo}
 * tell of them: identity, sector sizes, flags, partitions, mounts, and, for drives that answer ATA
 * commands, hidden areas.
 *
 * <p>Nothing here opens a device: every fact comes from sysfs and the mount table, except the
 * hidden areas, which the {@link HiddenAreaProbe} asks the drive for. Sizes come from sysfs's
 * {@code size}, which the kernel keeps in 512-byte units whatever the sector size, so they are
 * exact bytes.
 *
 * <p>Thread-safe: stateless but for its injected roots and probe.
 */
public final class DeviceInventory {
  /** The unit of sysfs's {@code size} and {@code start}, whatever the drive's sector size. */
  private static final int SYSFS_UNIT = 512;

  private final Sysfs sysfs;
  private final Path devRoot;
  private final Path mountinfo;
  private final HiddenAreaProbe hiddenAreaProbe;

  DeviceInventory(Sysfs sysfs, Path devRoot, Path mountinfo, HiddenAreaProbe hiddenAreaProbe) {
    this.sysfs = sysfs;
    this.devRoot = devRoot;
    this.mountinfo = mountinfo;
    this.hiddenAreaProbe = hiddenAreaProbe;
  }

  /** The inventory of this system's devices, asking drives about HPA and DCO with {@code probe}. */
  public static DeviceInventory system(HiddenAreaProbe probe) {
    return new DeviceInventory(Sysfs.system(), Path.of("/dev"), Path.of("/proc/self/mountinfo"), probe);
  }

  /**
   * The probe that asks drives speaking ATA (libata, or a bridge translating SCSI to ATA, which
   * reports the vendor {@code ATA}) with read-only {@code hdparm} queries, and states for every
   * other device why it cannot be asked. Never sets anything on a drive.
   */
  public static HiddenAreaProbe ataHiddenAreaProbe() {
    return AtaHiddenAreaProbe.system();
  }

  /**
   * Lists the whole block devices, by kernel name, each with its partitions and mounts. Devices of
   * size 0 are not listed but named in {@link DeviceListing#withoutMedium()}.
   *
   * @throws IOException if {@code /sys/class/block} or the mount table cannot be read, or the
   *     kernel's description of a device is malformed
   */
  public DeviceListing list() throws IOException {
    List<Path> wholeDevices = sysfs.listWholeDevices();
    MountTable mounts = readMounts();
    List<BlockDevice> devices = new ArrayList<>();
    List<String> withoutMedium = new ArrayList<>();
    for (Path dir : wholeDevices) {
      String name = dir.getFileName().toString();
      long sizeBytes = sizeBytes(dir);
      if (sizeBytes == 0) {
        withoutMedium.add(name);
        continue;
      }
      devices.add(describe(dir, name, sizeBytes, mounts));
    }
    return new DeviceListing(devices, withoutMedium);
  }

  private MountTable readMounts() throws IOException {
    try {
      return MountTable.read(mountinfo);
    } catch (IOException e) {
      throw new IOException("cannot read " + mountinfo + ": " + SourceInspector.describe(e), e);
    }
  }

  private BlockDevice describe(Path dir, String name, long sizeBytes, MountTable mounts) throws IOException {
    DeviceNumber number = Sysfs.deviceNumber(dir);
    int logical = Sysfs.logicalSectorSize(dir);

    List<Partition> partitions = new ArrayList<>();
    Set<DeviceNumber> covering = new HashSet<>();
    covering.add(number);
    for (Path partitionDir : Sysfs.partitionsOf(dir)) {
      Partition partition = partition(partitionDir, logical, mounts);
      partitions.add(partition);
      covering.add(partition.deviceNumber());
    }
    // Name order puts sda10 before sda2; the partition number is the order a table has.
    partitions.sort(Comparator.comparingInt(Partition::number));

    Path node = nodeOf(name);
    SourceIdentity identity;
    try {
      identity = sysfs.identity(node, dir, number, sizeBytes, hiddenAreaProbe.probe(node, dir), mounts.mountsOf(covering),
          covering);
    } catch (IllegalArgumentException e) {
      throw new IOException("the kernel describes " + name + " oddly: " + e.getMessage(), e);
    }
    return new BlockDevice(name, identity, Files.exists(node), Sysfs.holdersOf(dir), partitions);
  }

  private Partition partition(Path dir, int logicalSectorSize, MountTable mounts) throws IOException {
    String name = dir.getFileName().toString();
    DeviceNumber number = Sysfs.deviceNumber(dir);
    int partitionNumber = Sysfs.readLong(dir, "partition").map(Long::intValue)
        .orElseThrow(() -> new IOException("no partition number in " + dir));
    long start = Sysfs.readLong(dir, "start")
        .orElseThrow(() -> new IOException("no start sector in " + dir));
    Path node = nodeOf(name);
    try {
      Partition partition = new Partition(
          name,
          node,
          Files.exists(node),
          number,
          partitionNumber,
          Math.multiplyExact(start, SYSFS_UNIT),
          sizeBytes(dir),
          Sysfs.readFlag(dir, "ro"),
          Sysfs.holdersOf(dir),
          mounts.mountsOf(Set.of(number)));
      // A start off the drive's sector grid has no LBA; refuse rather than print a rounded one.
      partition.startLba(logicalSectorSize);
      return partition;
    } catch (IllegalArgumentException e) {
      throw new IOException("the kernel describes " + name + " oddly: " + e.getMessage(), e);
    }
  }

  /** {@code /dev/<name>}; the kernel writes {@code /} in a name as {@code !} ({@code cciss!c0d0}). */
  private Path nodeOf(String kernelName) {
    return devRoot.resolve(kernelName.replace('!', '/'));
  }

  private static long sizeBytes(Path dir) throws IOException {
    long units = Sysfs.readLong(dir, "size")
        .orElseThrow(() -> new IOException("no size in " + dir));
    if (units < 0) {
      throw new IOException("negative size " + units + " in " + dir);
    }
    return Math.multiplyExact(units, SYSFS_UNIT);
  }
}

package dev.custos.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what the kernel tells of block devices under {@code /sys} (and udev's database under
 * {@code /run/udev/data}). The roots are injectable so tests can use a fake tree.
 */
final class Sysfs {
  private final Path sysRoot;
  private final Path udevData;

  Sysfs(Path sysRoot, Path udevData) {
    this.sysRoot = sysRoot;
    this.udevData = udevData;
  }

  static Sysfs system() {
    return new Sysfs(Path.of("/sys"), Path.of("/run/udev/data"));
  }

  /** The sysfs directory of a block device or partition, e.g. {@code /sys/devices/.../block/sda/sda1}. */
  Optional<Path> directoryOf(DeviceNumber device) throws IOException {
    Path link = sysRoot.resolve("dev/block").resolve(device.toString());
    return Files.exists(link) ? Optional.of(link.toRealPath()) : Optional.empty();
  }

  /** The block devices the kernel knows, by name ({@code sda}, {@code loop0}), partitions excluded. */
  List<Path> wholeDevices() throws IOException {
    Path classBlock = sysRoot.resolve("class/block");
    List<Path> devices = new ArrayList<>();
    if (!Files.isDirectory(classBlock)) {
      return devices;
    }
    try (Stream<Path> entries = Files.list(classBlock)) {
      for (Path entry : entries.sorted().toList()) {
        Path real = entry.toRealPath();
        if (!isPartition(real)) {
          devices.add(real);
        }
      }
    }
    return devices;
  }

  /**
   * Like {@link #wholeDevices()}, but for a listing that must not be silently empty: fails when
   * {@code /sys/class/block} cannot be read, and skips an entry that vanishes while being listed
   * (a drive unplugged, a loop device detached) rather than failing the whole listing.
   *
   * @throws IOException if {@code class/block} is missing or cannot be listed
   */
  List<Path> listWholeDevices() throws IOException {
    Path classBlock = sysRoot.resolve("class/block");
    if (!Files.isDirectory(classBlock)) {
      throw new IOException("cannot read " + classBlock + ": no such directory (is sysfs mounted?)");
    }
    List<Path> devices = new ArrayList<>();
    try (Stream<Path> entries = Files.list(classBlock)) {
      for (Path entry : entries.sorted().toList()) {
        Path real;
        try {
          real = entry.toRealPath();
        } catch (NoSuchFileException e) {
          continue;
        }
        if (!isPartition(real)) {
          devices.add(real);
        }
      }
    } catch (UncheckedIOException e) {
      throw new IOException("cannot read " + classBlock + ": " + e.getCause().getMessage(), e.getCause());
    } catch (IOException e) {
      throw new IOException("cannot read " + classBlock + ": " + e.getMessage(), e);
    }
    return devices;
  }

  /**
   * The names of the devices that hold {@code deviceDir} open as their parts (device-mapper, md
   * RAID, bcache), from its {@code holders} directory; empty when there is none or it cannot be
   * read.
   */
  static List<String> holdersOf(Path deviceDir) {
    Path holders = deviceDir.resolve("holders");
    if (!Files.isDirectory(holders)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(holders)) {
      return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /**
   * The name of the bus or class the device's {@code device} link belongs to ({@code scsi},
   * {@code virtio}, {@code nvme}, {@code mmc}), or empty for a virtual device that has none (loop,
   * zram, device-mapper).
   */
  static Optional<String> subsystemOf(Path wholeDeviceDir) {
    Path subsystem = wholeDeviceDir.resolve("device/subsystem");
    try {
      return Files.exists(subsystem)
          ? Optional.of(subsystem.toRealPath().getFileName().toString())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The serial number of a whole device: udev's {@code ID_SERIAL_SHORT}, else what sysfs shows.
   */
  Optional<String> serialOf(Path wholeDeviceDir, DeviceNumber wholeDevice) {
    return udevProperty(wholeDevice, "ID_SERIAL_SHORT")
        .or(() -> read(wholeDeviceDir, "device/serial"))
        .or(() -> read(wholeDeviceDir, "serial"));
  }

  /**
   * The identity of the block device or partition whose sysfs directory is {@code dir}, as sysfs
   * and udev tell it: vendor, model, serial, sector sizes and the removable and rotational flags of
   * its whole drive; the kernel read-only flag of the device itself. The one place a {@link
   * SourceIdentity} is read from sysfs, so that the listing and the manifest name a drive alike.
   *
   * @param node the device node, as the identity names it
   * @param number the device's {@code major:minor}
   * @param hidden its hidden areas, as probed
   * @param mounts the mounts touching its sectors
   * @param covering the devices whose sectors overlap its own
   * @throws IOException if the whole drive has no device number
   * @throws IllegalArgumentException if the kernel's values are not a valid identity (see {@link
   *     SourceIdentity})
   */
  SourceIdentity identity(Path node, Path dir, DeviceNumber number, long sizeBytes, HiddenAreas hidden, List<Mount> mounts,
      java.util.Set<DeviceNumber> covering) throws IOException {
    boolean partition = isPartition(dir);
    Path whole = partition ? dir.getParent() : dir;
    DeviceNumber wholeNumber = partition ? deviceNumber(whole) : number;
    int logical = logicalSectorSize(whole);
    return new SourceIdentity(
        node,
        partition ? SourceKind.PARTITION : SourceKind.BLOCK_DEVICE,
        number,
        read(whole, "device/vendor").orElse(null),
        read(whole, "device/model").orElse(null),
        serialOf(whole, wholeNumber).orElse(null),
        sizeBytes,
        logical,
        readLong(whole.resolve("queue"), "physical_block_size").map(Long::intValue).orElse(logical),
        readFlag(whole, "removable"),
        readFlag(whole.resolve("queue"), "rotational"),
        readFlag(dir, "ro"),
        hidden,
        read(whole, "loop/backing_file").orElse(null),
        mounts,
        covering);
  }

  /** The logical sector size of a whole drive (its LBA unit), 512 when sysfs does not say. */
  static int logicalSectorSize(Path wholeDeviceDir) {
    return readLong(wholeDeviceDir.resolve("queue"), "logical_block_size").map(Long::intValue).orElse(512);
  }

  static boolean isPartition(Path deviceDir) {
    return Files.exists(deviceDir.resolve("partition"));
  }

  /** The partitions of a whole device, in name order. */
  static List<Path> partitionsOf(Path wholeDeviceDir) throws IOException {
    try (Stream<Path> entries = Files.list(wholeDeviceDir)) {
      return entries.filter(Sysfs::isPartition).sorted().toList();
    }
  }

  static DeviceNumber deviceNumber(Path deviceDir) throws IOException {
    return DeviceNumber.parse(read(deviceDir, "dev").orElseThrow(
        () -> new IOException("no device number in " + deviceDir)));
  }

  /** The trimmed text of an attribute, if present and readable. */
  static Optional<String> read(Path deviceDir, String attribute) {
    Path file = deviceDir.resolve(attribute);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  static Optional<Long> readLong(Path deviceDir, String attribute) {
    return read(deviceDir, attribute).flatMap(text -> {
      try {
        return Optional.of(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  static boolean readFlag(Path deviceDir, String attribute) {
    return read(deviceDir, attribute).map("1"::equals).orElse(false);
  }

  /** A property of udev's database for the device, e.g. {@code ID_SERIAL_SHORT}. */
  Optional<String> udevProperty(DeviceNumber device, String key) {
    Path file = udevData.resolve("b" + device);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String prefix = "E:" + key + "=";
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith(prefix))
          .map(line -> line.substring(prefix.length()).trim())
          .filter(value -> !value.isEmpty())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

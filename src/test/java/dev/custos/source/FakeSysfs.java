package dev.custos.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A fake {@code /sys}, {@code /dev}, udev database and mountinfo in a temporary directory, laid
 * out as the kernel lays them out: {@code class/block/NAME} and {@code dev/block/MAJ:MIN} are
 * links into {@code devices/...}, a partition is a directory inside its disk's, a disk's {@code
 * device} links to its SCSI (or virtio, NVMe) device, whose {@code subsystem} links to the bus.
 */
final class FakeSysfs {
  final Path sys;
  final Path dev;
  final Path udev;
  final Path mountinfo;
  private int scsiHosts;
  private int virtioSlots;

  FakeSysfs(Path root) {
    sys = root.resolve("sys");
    dev = root.resolve("dev");
    udev = root.resolve("run/udev/data");
    mountinfo = root.resolve("proc/self/mountinfo");
    createDirectories(sys.resolve("class/block"));
    createDirectories(sys.resolve("dev/block"));
    createDirectories(dev);
    createDirectories(udev);
    createDirectories(mountinfo.getParent());
    write(mountinfo, "");
  }

  /** A SATA disk behind libata: vendor {@code ATA}, on the SCSI bus. */
  Disk ataDisk(String name, String majMin) {
    int host = scsiHosts++;
    return scsiDisk(name, majMin, "devices/pci0000:00/0000:00:1f.2/ata" + (host + 1) + "/host" + host
        + "/target" + host + ":0:0/" + host + ":0:0:0", "ATA");
  }

  /** A SCSI disk whose SCSI device lies at {@code scsiDevicePath} (relative to {@code /sys}). */
  Disk scsiDisk(String name, String majMin, String scsiDevicePath, String vendor) {
    Path scsiDevice = sys.resolve(scsiDevicePath);
    createDirectories(scsiDevice);
    symlink(scsiDevice.resolve("subsystem"), bus("scsi"));
    if (vendor != null) {
      write(scsiDevice.resolve("vendor"), padded(vendor, 8));
    }
    Disk disk = new Disk(name, scsiDevice.resolve("block").resolve(name), majMin);
    symlink(disk.dir.resolve("device"), scsiDevice);
    return disk;
  }

  /** A virtio-blk disk. */
  Disk virtioDisk(String name, String majMin) {
    int slot = virtioSlots++;
    Path virtio = sys.resolve("devices/pci0000:00/0000:00:0" + (slot + 2) + ".0/virtio" + (slot + 1));
    createDirectories(virtio);
    symlink(virtio.resolve("subsystem"), bus("virtio"));
    Disk disk = new Disk(name, virtio.resolve("block").resolve(name), majMin);
    symlink(disk.dir.resolve("device"), virtio);
    return disk;
  }

  /** An NVMe namespace, its {@code device} the controller in class {@code nvme}. */
  Disk nvmeDisk(String name, String majMin) {
    Path controller = sys.resolve("devices/pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0");
    createDirectories(controller);
    Path nvmeClass = sys.resolve("class/nvme");
    createDirectories(nvmeClass);
    symlink(controller.resolve("subsystem"), nvmeClass);
    Disk disk = new Disk(name, controller.resolve(name), majMin);
    symlink(disk.dir.resolve("device"), controller);
    return disk;
  }

  /** A virtual device without a {@code device} link: loop, zram, dm. */
  Disk virtualDisk(String name, String majMin) {
    return new Disk(name, sys.resolve("devices/virtual/block").resolve(name), majMin);
  }

  /** Appends lines to the fake mountinfo. */
  FakeSysfs mounts(String... lines) {
    try {
      Files.writeString(mountinfo, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A mountinfo line for {@code majMin} mounted at {@code mountPoint} with the given options. */
  static String mountLine(int id, String majMin, String mountPoint, String fsType, String options) {
    return id + " 1 " + majMin + " / " + mountPoint + " " + options + ",relatime shared:1 - " + fsType + " /dev/x " + options;
  }

  DeviceInventory inventory(HiddenAreaProbe probe) {
    return new DeviceInventory(new Sysfs(sys, udev), dev, mountinfo, probe);
  }

  private Path bus(String name) {
    Path bus = sys.resolve("bus").resolve(name);
    createDirectories(bus);
    return bus;
  }

  /** A whole device being built. */
  final class Disk {
    final String name;
    final Path dir;
    final String majMin;

    private Disk(String name, Path dir, String majMin) {
      this.name = name;
      this.dir = dir;
      this.majMin = majMin;
      createDirectories(dir.resolve("queue"));
      write(dir.resolve("dev"), majMin + "\n");
      write(dir.resolve("removable"), "0\n");
      write(dir.resolve("ro"), "0\n");
      write(dir.resolve("queue/rotational"), "0\n");
      write(dir.resolve("queue/logical_block_size"), "512\n");
      write(dir.resolve("queue/physical_block_size"), "512\n");
      createDirectories(dir.resolve("holders"));
      symlink(sys.resolve("class/block").resolve(name), dir);
      symlink(sys.resolve("dev/block").resolve(majMin), dir);
    }

    /** The size in sysfs's 512-byte units. */
    Disk size512(long units) {
      write(dir.resolve("size"), units + "\n");
      return this;
    }

    Disk sectorSizes(int logical, int physical) {
      write(dir.resolve("queue/logical_block_size"), logical + "\n");
      write(dir.resolve("queue/physical_block_size"), physical + "\n");
      return this;
    }

    Disk flags(boolean removable, boolean rotational, boolean readOnly) {
      write(dir.resolve("removable"), (removable ? "1" : "0") + "\n");
      write(dir.resolve("queue/rotational"), (rotational ? "1" : "0") + "\n");
      write(dir.resolve("ro"), (readOnly ? "1" : "0") + "\n");
      return this;
    }

    /** Model as SCSI pads it; written into the {@code device} directory. */
    Disk model(String model) {
      write(dir.resolve("device/model"), padded(model, 16) + "\n");
      return this;
    }

    /** A serial in sysfs ({@code serial}, as virtio-blk has). */
    Disk sysfsSerial(String serial) {
      write(dir.resolve("serial"), serial + "\n");
      return this;
    }

    /** A serial in udev's database. */
    Disk udevSerial(String serial) {
      write(udev.resolve("b" + majMin), "S:disk/by-id/x\nE:ID_SERIAL=Long_" + serial + "\nE:ID_SERIAL_SHORT=" + serial + "\n");
      return this;
    }

    Disk backingFile(String path) {
      createDirectories(dir.resolve("loop"));
      write(dir.resolve("loop/backing_file"), path + "\n");
      return this;
    }

    Disk holder(String name) {
      createDirectories(dir.resolve("holders").resolve(name));
      return this;
    }

    /** Creates {@code /dev/NAME} (a regular file stands in for the node). */
    Disk node() {
      write(dev.resolve(name), "");
      return this;
    }

    /** A partition; start and size in sysfs's 512-byte units. */
    Disk partition(String partitionName, int number, long start, long size, String partitionMajMin, boolean withNode) {
      Path part = dir.resolve(partitionName);
      createDirectories(part);
      createDirectories(part.resolve("holders"));
      write(part.resolve("partition"), number + "\n");
      write(part.resolve("start"), start + "\n");
      write(part.resolve("size"), size + "\n");
      write(part.resolve("dev"), partitionMajMin + "\n");
      write(part.resolve("ro"), "0\n");
      symlink(sys.resolve("class/block").resolve(partitionName), part);
      symlink(sys.resolve("dev/block").resolve(partitionMajMin), part);
      if (withNode) {
        write(dev.resolve(partitionName), "");
      }
      return this;
    }
  }

  private static String padded(String text, int width) {
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < width) {
      padded.append(' ');
    }
    return padded.toString();
  }

  static void write(Path file, String text) {
    try {
      createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void symlink(Path link, Path target) {
    try {
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, link.getParent().relativize(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.custos.cli;

import dev.custos.source.BlockDevice;
import dev.custos.source.DeviceListing;
import dev.custos.source.DeviceNumber;
import dev.custos.source.HiddenAreas;
import dev.custos.source.Mount;
import dev.custos.source.Partition;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Listings as the inventory would make them, for the printers' tests. */
final class SampleListings {
  private SampleListings() {}

  static final DeviceNumber LOOP3 = new DeviceNumber(7, 3);
  static final DeviceNumber SDA = new DeviceNumber(8, 0);
  static final DeviceNumber SDA1 = new DeviceNumber(8, 1);
  static final DeviceNumber SDA2 = new DeviceNumber(8, 2);

  /** A read-only loop device, an ATA disk with an HPA and two partitions (one mounted ro, one rw), two empty devices. */
  static DeviceListing rich() {
    BlockDevice loop = device("loop3", LOOP3, null, null, null, 4_194_304L, 512, 512, false, false, true,
        HiddenAreas.notAvailable("loop device"), "/evidence/floppy.ima", true, List.of(), List.of(), List.of());
    Partition boot = new Partition("sda1", Path.of("/dev/sda1"), true, SDA1, 1, 1_048_576L, 524_288_000L, false,
        List.of(), List.of(new Mount(SDA1, "/mnt/boot", "vfat", true)));
    Partition data = new Partition("sda2", Path.of("/dev/sda2"), true, SDA2, 2, 525_336_576L, 998_604_759_040L, false, List.of("dm-0"), List.of(new Mount(SDA2, "/mnt/scratch", "ext4", false)));
    BlockDevice sda = device("sda", SDA, "ATA", "WDC WD10EZEX-08W", "WD-WCC6Y0ABCDEF", 999_131_144_192L, 512, 4096,
        false, true, false,
        new HiddenAreas(true, 2_097_152L, 0L, "hdparm -N: max sectors 1951428016/1953525168 (visible/native), HPA enabled;"
            + " hdparm --dco-identify: real max sectors 1953525168"),
        null, true, List.of(), List.of(), List.of(boot, data));
    return new DeviceListing(List.of(loop, sda), List.of("loop0", "zram0"));
  }

  static BlockDevice device(String name, DeviceNumber number, String vendor, String model, String serial, long size,
      int logical, int physical, boolean removable, boolean rotational, boolean readOnly, HiddenAreas hidden,
      String backingFile, boolean nodePresent, List<String> holders, List<Mount> ownMounts, List<Partition> partitions) {
    List<Mount> mounts = new ArrayList<>(ownMounts);
    Set<DeviceNumber> covering = new HashSet<>(Set.of(number));
    for (Partition partition : partitions) {
      mounts.addAll(partition.mounts());
      covering.add(partition.deviceNumber());
    }
    SourceIdentity identity = new SourceIdentity(Path.of("/dev/" + name), SourceKind.BLOCK_DEVICE, number, vendor, model,
        serial, size, logical, physical, removable, rotational, readOnly, hidden, backingFile, mounts, covering);
    return new BlockDevice(name, identity, nodePresent, holders, partitions);
  }
}

package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceInventoryTest {
  private static final HiddenAreaProbe NOT_ASKED = (node, dir) -> HiddenAreas.notAvailable("not asked in this test");

  @TempDir Path root;

  private BlockDevice only(DeviceListing listing, String name) {
    return listing.devices().stream().filter(device -> device.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not listed: " + listing));
  }

  @Test
  void list_ataDisk_showsIdentityExactSizeAndSectorSizes() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sda", "8:0").size512(976773168L).sectorSizes(512, 4096).flags(false, true, false)
        .model("WDC WD5000AAKX-0").udevSerial("WD-WCAYU1234567").node();

    BlockDevice sda = only(sys.inventory(NOT_ASKED).list(), "sda");

    SourceIdentity identity = sda.identity();
    assertThat(identity.path()).isEqualTo(sys.dev.resolve("sda"));
    assertThat(sda.nodePresent()).isTrue();
    assertThat(identity.kind()).isEqualTo(SourceKind.BLOCK_DEVICE);
    assertThat(identity.deviceNumber()).isEqualTo(new DeviceNumber(8, 0));
    assertThat(identity.vendor()).isEqualTo("ATA");
    assertThat(identity.model()).isEqualTo("WDC WD5000AAKX-0");
    assertThat(identity.serial()).isEqualTo("WD-WCAYU1234567");
    assertThat(identity.sizeBytes()).isEqualTo(500_107_862_016L);
    assertThat(identity.sectorCount()).isEqualTo(976_773_168L);
    assertThat(identity.logicalSectorSize()).isEqualTo(512);
    assertThat(identity.physicalSectorSize()).isEqualTo(4096);
    assertThat(identity.removable()).isFalse();
    assertThat(identity.rotational()).isTrue();
    assertThat(identity.kernelReadOnly()).isFalse();
    assertThat(identity.backingFile()).isNull();
  }

  @Test
  void list_readOnlyLoopDevice_showsKernelFlagExactSizeAndBackingFile() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtualDisk("loop3", "7:3").size512(8192).flags(false, false, true)
        .backingFile("/evidence/floppy image.ima").node();

    BlockDevice loop = only(sys.inventory(NOT_ASKED).list(), "loop3");

    assertThat(loop.identity().sizeBytes()).isEqualTo(4_194_304L);
    assertThat(loop.identity().kernelReadOnly()).isTrue();
    assertThat(loop.identity().backingFile()).isEqualTo("/evidence/floppy image.ima");
    assertThat(loop.identity().vendor()).isNull();
    assertThat(loop.identity().model()).isNull();
    assertThat(loop.identity().serial()).isNull();
  }

  @Test
  void list_devicesOfSizeZero_namedAsWithoutMediumNotListed() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtualDisk("loop0", "7:0").size512(0);
    sys.virtualDisk("loop1", "7:1").size512(2048).node();
    sys.virtualDisk("zram0", "252:0").size512(0);

    DeviceListing listing = sys.inventory(NOT_ASKED).list();

    assertThat(listing.devices()).extracting(BlockDevice::name).containsExactly("loop1");
    assertThat(listing.withoutMedium()).containsExactly("loop0", "zram0");
  }

  @Test
  void list_devicesInKernelNameOrder() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtioDisk("vdb", "254:16").size512(100);
    sys.ataDisk("sda", "8:0").size512(100);
    sys.virtualDisk("loop2", "7:2").size512(100);

    assertThat(sys.inventory(NOT_ASKED).list().devices()).extracting(BlockDevice::name)
        .containsExactly("loop2", "sda", "vdb");
  }

  @Test
  void list_partitions_inNumberOrderWithExactStartAndSize() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sda", "8:0").size512(20_000_000L).node()
        .partition("sda10", 10, 10_000_000L, 2048, "259:0", true)
        .partition("sda2", 2, 1_050_624L, 8_388_608L, "8:2", true)
        .partition("sda1", 1, 2048, 1_048_576L, "8:1", true);

    BlockDevice sda = only(sys.inventory(NOT_ASKED).list(), "sda");

    assertThat(sda.partitions()).extracting(Partition::name).containsExactly("sda1", "sda2", "sda10");
    Partition first = sda.partitions().get(0);
    assertThat(first.number()).isEqualTo(1);
    assertThat(first.path()).isEqualTo(sys.dev.resolve("sda1"));
    assertThat(first.nodePresent()).isTrue();
    assertThat(first.deviceNumber()).isEqualTo(new DeviceNumber(8, 1));
    assertThat(first.startBytes()).isEqualTo(1_048_576L);
    assertThat(first.startLba(512)).isEqualTo(2048);
    assertThat(first.sizeBytes()).isEqualTo(536_870_912L);
    assertThat(sda.partitions().get(2).deviceNumber()).isEqualTo(new DeviceNumber(259, 0));
    assertThat(sda.identity().coveringDevices())
        .containsExactlyInAnyOrder(new DeviceNumber(8, 0), new DeviceNumber(8, 1), new DeviceNumber(8, 2),
            new DeviceNumber(259, 0));
  }

  @Test
  void list_fourKnDrive_partitionStartInDriveSectorsNotSysfsUnits() throws IOException {
    // sysfs counts start and size in 512-byte units even on a drive of 4096-byte sectors.
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sdb", "8:16").size512(7_814_037_168L).sectorSizes(4096, 4096)
        .partition("sdb1", 1, 2048, 7_814_033_408L, "8:17", true);

    BlockDevice sdb = only(sys.inventory(NOT_ASKED).list(), "sdb");

    assertThat(sdb.identity().sizeBytes()).isEqualTo(4_000_787_030_016L);
    assertThat(sdb.identity().sectorCount()).isEqualTo(976_754_646L);
    Partition partition = sdb.partitions().get(0);
    assertThat(partition.startBytes()).isEqualTo(1_048_576L);
    assertThat(partition.startLba(4096)).isEqualTo(256);
  }

  @Test
  void list_partitionStartOffTheSectorGrid_failsRatherThanRoundTheLba() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sdb", "8:16").size512(80_000L).sectorSizes(4096, 4096)
        .partition("sdb1", 1, 2049, 8, "8:17", true);

    assertThatThrownBy(() -> sys.inventory(NOT_ASKED).list())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the kernel describes sdb1 oddly")
        .hasMessageContaining("starts at byte 1049088, not on a boundary of 4096-byte sectors");
  }

  @Test
  void list_mountedPartitions_showMountPointTypeAndReadOnly() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sdc", "8:32").size512(1_000_000L).node()
        .partition("sdc1", 1, 2048, 400_000, "8:33", true)
        .partition("sdc2", 2, 402_048, 400_000, "8:34", true);
    sys.mounts(
        FakeSysfs.mountLine(101, "8:33", "/mnt/case\\040files", "vfat", "ro"),
        FakeSysfs.mountLine(102, "8:34", "/mnt/scratch", "ext4", "rw"),
        FakeSysfs.mountLine(103, "254:0", "/", "ext4", "rw"));

    BlockDevice sdc = only(sys.inventory(NOT_ASKED).list(), "sdc");

    assertThat(sdc.partitions().get(0).mounts())
        .containsExactly(new Mount(new DeviceNumber(8, 33), "/mnt/case files", "vfat", true));
    assertThat(sdc.partitions().get(1).mounts())
        .containsExactly(new Mount(new DeviceNumber(8, 34), "/mnt/scratch", "ext4", false));
    assertThat(sdc.identity().mounts()).hasSize(2);
    assertThat(sdc.identity().writableMounts()).extracting(Mount::mountPoint).containsExactly("/mnt/scratch");
    assertThat(sdc.ownMounts()).isEmpty();
  }

  @Test
  void list_fileSystemOnWholeDevice_isItsOwnMount() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtualDisk("loop4", "7:4").size512(2880).node();
    sys.mounts(FakeSysfs.mountLine(7, "7:4", "/media/floppy", "vfat", "ro"));

    BlockDevice loop = only(sys.inventory(NOT_ASKED).list(), "loop4");

    assertThat(loop.ownMounts()).containsExactly(new Mount(new DeviceNumber(7, 4), "/media/floppy", "vfat", true));
    assertThat(loop.partitions()).isEmpty();
  }

  @Test
  void list_missingDeviceNodes_markedNotPresent() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtioDisk("vda", "254:0").size512(1024)
        .partition("vda1", 1, 2048, 512, "254:1", false);

    BlockDevice vda = only(sys.inventory(NOT_ASKED).list(), "vda");

    assertThat(vda.nodePresent()).isFalse();
    assertThat(vda.identity().path()).isEqualTo(sys.dev.resolve("vda"));
    assertThat(vda.partitions().get(0).nodePresent()).isFalse();
  }

  @Test
  void list_serial_fromUdevBeforeSysfs() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtioDisk("vda", "254:0").size512(1024).sysfsSerial("virtio-serial").udevSerial("UDEV123");
    sys.virtioDisk("vdb", "254:16").size512(1024).sysfsSerial("virtio-only");

    DeviceListing listing = sys.inventory(NOT_ASKED).list();

    assertThat(only(listing, "vda").identity().serial()).isEqualTo("UDEV123");
    assertThat(only(listing, "vdb").identity().serial()).isEqualTo("virtio-only");
  }

  @Test
  void list_devicesBuiltOnTop_namedAsHolders() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sdd", "8:48").size512(1_000_000L).holder("md0")
        .partition("sdd1", 1, 2048, 900_000, "8:49", true);
    FakeSysfs.write(sys.sys.resolve("class/block/sdd1/holders/dm-0/dev"), "253:0\n");

    BlockDevice sdd = only(sys.inventory(NOT_ASKED).list(), "sdd");

    assertThat(sdd.holders()).containsExactly("md0");
    assertThat(sdd.partitions().get(0).holders()).containsExactly("dm-0");
  }

  @Test
  void list_asksProbeOncePerWholeDeviceWithNodeAndSysfsDirectory() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sda", "8:0").size512(1000).node().partition("sda1", 1, 8, 900, "8:1", true);
    sys.virtualDisk("loop0", "7:0").size512(0);
    List<String> asked = new ArrayList<>();
    HiddenAreaProbe recording = (node, dir) -> {
      asked.add(node + " " + dir.getFileName());
      return new HiddenAreas(true, 0L, 0L, "recorded");
    };

    BlockDevice sda = only(sys.inventory(recording).list(), "sda");

    assertThat(asked).containsExactly(sys.dev.resolve("sda") + " sda");
    assertThat(sda.identity().hiddenAreas()).isEqualTo(new HiddenAreas(true, 0L, 0L, "recorded"));
  }

  @Test
  void list_deviceNameWithSlash_nodeUnderSubdirectory() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtualDisk("cciss!c0d0", "104:0").size512(1000);

    BlockDevice device = only(sys.inventory(NOT_ASKED).list(), "cciss!c0d0");

    assertThat(device.identity().path()).isEqualTo(sys.dev.resolve("cciss/c0d0"));
  }

  @Test
  void list_noClassBlock_failsNamingWhatCouldNotBeRead() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    Files.delete(sys.sys.resolve("class/block"));

    assertThatThrownBy(() -> sys.inventory(NOT_ASKED).list())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot read " + sys.sys.resolve("class/block"))
        .hasMessageContaining("is sysfs mounted?");
  }

  @Test
  void list_mountinfoUnreadable_failsNamingIt() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    Files.delete(sys.mountinfo);

    assertThatThrownBy(() -> sys.inventory(NOT_ASKED).list())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot read " + sys.mountinfo);
  }

  @Test
  void list_deviceWithoutSize_failsNamingIt() throws IOException {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtualDisk("loop5", "7:5");

    assertThatThrownBy(() -> sys.inventory(NOT_ASKED).list())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no size in")
        .hasMessageContaining("loop5");
  }

  @Test
  void list_emptySystem_listsNothing() throws IOException {
    DeviceListing listing = new FakeSysfs(root).inventory(NOT_ASKED).list();

    assertThat(listing.devices()).isEmpty();
    assertThat(listing.withoutMedium()).isEmpty();
  }
}

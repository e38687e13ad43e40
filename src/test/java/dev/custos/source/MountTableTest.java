package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MountTableTest {
  /**
   * /proc/self/mountinfo as proc(5) specifies it, as a Debian 12 workstation shows it with a USB
   * stick (8:16) plugged in: optional fields (none, one, several) before the "-" separator,
   * mount points escaped as octal (\040 space, \011 tab, \134 backslash), ro and rw mounts, a
   * bind mount of the same partition, and a mount of the whole, unpartitioned disk.
   */
  private static final String MOUNTINFO = String.join("\n",
      "22 28 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw",
      "23 28 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw",
      "28 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro",
      "45 28 259:1 / /boot/efi rw,relatime shared:30 - vfat /dev/nvme0n1p1 rw,fmask=0077,dmask=0077,codepage=437,"
          + "iocharset=ascii,shortname=mixed,utf8,errors=remount-ro",
      "412 28 8:17 / /media/examiner/USB\\040STICK ro,nosuid,nodev,relatime shared:225 - vfat /dev/sdb1 "
          + "ro,uid=1000,gid=1000,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,errors=remount-ro",
      "420 28 8:18 / /media/examiner/data rw,nosuid,nodev,relatime shared:231 master:12 - ext4 /dev/sdb2 rw",
      "433 420 8:18 /photos /mnt/bind\\011tab\\134back rw,relatime shared:231 master:12 propagation_from:1 "
          + "- ext4 /dev/sdb2 rw",
      "440 28 8:16 / /mnt/whole\\040disk\\040 rw,relatime - ext4 /dev/sdb rw",
      "");

  @Test
  void parse_escapedSpaceInMountPoint_unescaped() {
    MountTable table = MountTable.parse(MOUNTINFO);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 17))))
        .containsExactly(new Mount(new DeviceNumber(8, 17), "/media/examiner/USB STICK", "vfat", true));
  }

  @Test
  void parse_escapedTabAndBackslash_unescaped() {
    MountTable table = MountTable.parse(MOUNTINFO);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 18))))
        .extracting(Mount::mountPoint)
        .containsExactly("/media/examiner/data", "/mnt/bind\ttab\\back");
  }

  @Test
  void parse_escapeAtTheEndOfTheMountPoint_unescaped() {
    MountTable table = MountTable.parse(MOUNTINFO);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 16))))
        .containsExactly(new Mount(new DeviceNumber(8, 16), "/mnt/whole disk ", "ext4", false));
  }

  @Test
  void parse_optionalFieldsBeforeTheSeparator_fileSystemTypeTakenAfterIt() {
    MountTable table = MountTable.parse(MOUNTINFO);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 18), new DeviceNumber(259, 1), new DeviceNumber(0, 22))))
        .extracting(Mount::fileSystemType)
        .containsExactly("proc", "vfat", "ext4", "ext4");
  }

  @Test
  void parse_roAndRwMountOptions_readOnlyFlag() {
    MountTable table = MountTable.parse(MOUNTINFO);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 17)))).allMatch(Mount::readOnly);
    assertThat(table.mountsOf(Set.of(new DeviceNumber(259, 2), new DeviceNumber(8, 18))))
        .hasSize(3)
        .noneMatch(Mount::readOnly);
  }

  @Test
  void mountsOf_everyPartitionOfTheStick_inTableOrder() {
    MountTable table = MountTable.parse(MOUNTINFO);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 16), new DeviceNumber(8, 17), new DeviceNumber(8, 18))))
        .extracting(Mount::mountPoint)
        .containsExactly("/media/examiner/USB STICK", "/media/examiner/data", "/mnt/bind\ttab\\back",
            "/mnt/whole disk ");
  }

  @Test
  void mountsOf_unmountedDevice_empty() {
    MountTable table = MountTable.parse(MOUNTINFO);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 32)))).isEmpty();
  }

  @Test
  void parse_malformedLines_skippedAndTheRestKept() {
    String text = String.join("\n",
        "",
        "garbage",
        "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 ext3 /dev/root rw",  // no separator
        "36 35 98:0 /mnt1 /mnt2 rw -",                                     // nothing after it
        "37 35 98:1 / /kept rw - ext4 /dev/x rw");

    MountTable table = MountTable.parse(text);

    assertThat(table.mountsOf(Set.of(new DeviceNumber(98, 0)))).isEmpty();
    assertThat(table.mountsOf(Set.of(new DeviceNumber(98, 1)))).extracting(Mount::mountPoint).containsExactly("/kept");
  }

  @Test
  void parse_backslashNotFollowedByOctal_keptAsItIs() {
    MountTable table = MountTable.parse("40 1 8:1 / /mnt/a\\x12b rw - ext4 /dev/sda1 rw");

    assertThat(table.mountsOf(Set.of(new DeviceNumber(8, 1)))).extracting(Mount::mountPoint)
        .containsExactly("/mnt/a\\x12b");
  }

  @Test
  void read_thisSystem_findsTheMountOfTheRootFileSystem() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/mountinfo")), "no /proc/self/mountinfo (not Linux)");
    DeviceNumber root = DeviceNumber.ofFileSystemOf(Path.of("/"));

    MountTable table = MountTable.read();

    assertThat(table.mountsOf(Set.of(root))).extracting(Mount::mountPoint).contains("/");
  }
}

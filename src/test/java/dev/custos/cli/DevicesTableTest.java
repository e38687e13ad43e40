package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.source.BlockDevice;
import dev.custos.source.DeviceListing;
import dev.custos.source.DeviceNumber;
import dev.custos.source.HiddenAreas;
import dev.custos.source.Mount;
import dev.custos.source.Partition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevicesTableTest {

  @Test
  void render_devicesPartitionsMountsAndHiddenAreas_asColumnsThenDetailLines() {
    String table = DevicesTable.render(SampleListings.rich());

    assertThat(table).isEqualTo(String.join("\n",
        "DEVICE      SIZE (BYTES)      SIZE  LOG-SEC  PHY-SEC  RM  ROT  RO  VENDOR  MODEL             SERIAL",
        "/dev/loop3       4194304   4.19 MB      512      512   0    0   1  -       -                 -",
        "  backing file: /evidence/floppy.ima",
        "  HPA/DCO: not available (loop device)",
        "/dev/sda    999131144192  999.1 GB      512     4096   0    1   0  ATA     WDC WD10EZEX-08W  WD-WCC6Y0ABCDEF",
        "  partition 1  /dev/sda1  start LBA 2048  size 524288000 bytes (524.3 MB)  RO 0",
        "    mounted at /mnt/boot (vfat, ro)",
        "  partition 2  /dev/sda2  start LBA 1026048  size 998604759040 bytes (998.6 GB)  RO 0",
        "    in use by: dm-0",
        "    mounted at /mnt/scratch (ext4, rw)",
        "  HPA/DCO: HPA: 2097152 sectors hidden, DCO: none",
        "    hdparm -N: max sectors 1951428016/1953525168 (visible/native), HPA enabled;"
            + " hdparm --dco-identify: real max sectors 1953525168",
        "",
        "2 devices with a medium; 2 devices without medium (size 0) not listed: loop0, zram0",
        ""));
  }

  @Test
  void render_columns_alignedToTheWidestValue() {
    List<String> lines = DevicesTable.render(SampleListings.rich()).lines().toList();

    String header = lines.get(0);
    String sdaRow = lines.get(4);
    assertThat(sdaRow.indexOf("ATA")).isEqualTo(header.indexOf("VENDOR"));
    assertThat(sdaRow.indexOf("WD-WCC6Y0ABCDEF")).isEqualTo(header.indexOf("SERIAL"));
    assertThat(sdaRow.indexOf("999131144192") + "999131144192".length())
        .isEqualTo(header.indexOf("SIZE (BYTES)") + "SIZE (BYTES)".length());
    assertThat(lines.get(1).indexOf("4.19 MB") + "4.19 MB".length())
        .isEqualTo(header.indexOf("  SIZE  ") + "  SIZE".length());
  }

  @Test
  void render_missingNodeUnpartitionedMountAndNoMountedPartition_eachSaid() {
    DeviceNumber vda = new DeviceNumber(254, 0);
    DeviceNumber vdb = new DeviceNumber(254, 16);
    DeviceNumber vdb1 = new DeviceNumber(254, 17);
    BlockDevice whole = SampleListings.device("vda", vda, "0x1af4", null, "root-disk", 536_870_912L, 512, 512,
        false, false, false, HiddenAreas.notAvailable("virtio disk, no ATA commands"), null, false, List.of(),
        List.of(new Mount(vda, "/", "ext4", false)), List.of());
    Partition unmounted = new Partition("vdb1", Path.of("/dev/vdb1"), false, vdb1, 1, 1_048_576L, 1_048_576L, true,
        List.of(), List.of());
    BlockDevice partitioned = SampleListings.device("vdb", vdb, null, null, null, 4_194_304L, 512, 512,
        false, false, false, HiddenAreas.notAvailable("virtio disk, no ATA commands"), null, true, List.of(),
        List.of(), List.of(unmounted));

    String table = DevicesTable.render(new DeviceListing(List.of(whole, partitioned), List.of()));

    assertThat(table).contains(
        "  no device node: /dev/vda does not exist here\n"
            + "  mounted at / (ext4, rw)\n"
            + "  HPA/DCO: not available (virtio disk, no ATA commands)\n");
    assertThat(table).contains(
        "  partition 1  /dev/vdb1 (no device node)  start LBA 2048  size 1048576 bytes (1.05 MB)  RO 1\n"
            + "    not mounted\n");
    assertThat(table).endsWith("\n2 devices with a medium\n");
  }

  @Test
  void render_controlCharactersInNames_shownEscapedNeverAsNewLines() {
    DeviceNumber loop = new DeviceNumber(7, 1);
    BlockDevice device = SampleListings.device("loop1", loop, null, "EVIL\nHPA/DCO: none", "\u202eABC", 512L, 512, 512,
        false, false, true, HiddenAreas.notAvailable("loop device"), "/tmp/a\tb\\c.img", true, List.of(),
        List.of(new Mount(loop, "/mnt/x\ny", "vfat", true)), List.of());

    String table = DevicesTable.render(new DeviceListing(List.of(device), List.of()));

    assertThat(table).contains("EVIL\\012HPA/DCO: none").contains("\\u202eABC")
        .contains("backing file: /tmp/a\\011b\\134c.img").contains("mounted at /mnt/x\\012y (vfat, ro)");
    assertThat(table.lines().filter(line -> line.startsWith("  HPA/DCO:"))).hasSize(1);
  }

  @Test
  void render_nothing_saysSo() {
    assertThat(DevicesTable.render(new DeviceListing(List.of(), List.of("loop0"))))
        .isEqualTo("DEVICE  SIZE (BYTES)  SIZE  LOG-SEC  PHY-SEC  RM  ROT  RO  VENDOR  MODEL  SERIAL\n"
            + "\n0 devices with a medium; 1 device without medium (size 0) not listed: loop0\n");
  }
}

package dev.custos.source;

import static dev.custos.source.HdparmOutputTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtaHiddenAreaProbeTest {
  private static final Path HDPARM = Path.of("/usr/sbin/hdparm");

  @TempDir Path root;

  /** A CommandRunner answering from canned outputs by option, recording every command. */
  private static final class FakeHdparm implements CommandRunner {
    final List<List<String>> commands = new ArrayList<>();
    private final Map<String, String> outputs;
    private final Map<String, String> failures;

    FakeHdparm(Map<String, String> outputs, Map<String, String> failures) {
      this.outputs = outputs;
      this.failures = failures;
    }

    static FakeHdparm answering(String nOutput, String dcoOutput) {
      return new FakeHdparm(Map.of("-N", nOutput, "--dco-identify", dcoOutput), Map.of());
    }

    @Override
    public String run(List<String> command) throws IOException {
      commands.add(command);
      String option = command.get(1);
      if (failures.containsKey(option)) {
        throw new IOException(String.join(" ", command) + " failed (exit 5): " + failures.get(option));
      }
      String output = outputs.get(option);
      if (output == null) {
        throw new AssertionError("unexpected command " + command);
      }
      return output;
    }
  }

  private static final CommandRunner MUST_NOT_RUN = command -> {
    throw new AssertionError("hdparm must not run here, ran " + command);
  };

  private FakeSysfs.Disk ataDrive(FakeSysfs sys, long sectors) {
    return sys.ataDisk("sda", "8:0").size512(sectors).node();
  }

  private static HiddenAreas probe(CommandRunner runner, FakeSysfs sys, String name) {
    return new AtaHiddenAreaProbe(runner, Optional.of(HDPARM))
        .probe(sys.dev.resolve(name), sys.sys.resolve("class/block").resolve(name));
  }

  @Test
  void probe_ataDriveWithoutHiddenAreas_zeroAndZeroFromReadOnlyQueriesOnly() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 976_773_168L);
    FakeHdparm hdparm = FakeHdparm.answering(
        "\n/dev/sda:\n max sectors   = 976773168/976773168, HPA is disabled\n",
        fixture("dco-identify-500gb-reduced.txt"));

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.available()).isTrue();
    assertThat(hidden.hpaHiddenSectors()).isZero();
    assertThat(hidden.dcoHiddenSectors()).isZero();
    assertThat(hidden.describe()).isEqualTo("HPA: none, DCO: none");
    String node = sys.dev.resolve("sda").toString();
    assertThat(hdparm.commands).containsExactly(
        List.of(HDPARM.toString(), "-N", node),
        List.of(HDPARM.toString(), "--dco-identify", node));
  }

  @Test
  void probe_hpaSet_countsHiddenSectors() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 310_484_656L);
    FakeHdparm hdparm = FakeHdparm.answering(fixture("n-hpa-enabled.txt"),
        "\tReal max sectors: 312581808\n");

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden).isEqualTo(new HiddenAreas(true, 2_097_152L, 0L,
        "hdparm -N: max sectors 310484656/312581808 (visible/native), HPA enabled;"
            + " hdparm --dco-identify: real max sectors 312581808"));
    assertThat(hidden.describe()).isEqualTo("HPA: 2097152 sectors hidden, DCO: none");
  }

  @Test
  void probe_dcoShrankDrive_countsDcoSectors() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 926_773_168L);
    FakeHdparm hdparm = FakeHdparm.answering(
        "\n/dev/sda:\n max sectors   = 926773168/926773168, HPA is disabled\n",
        fixture("dco-identify-500gb-reduced.txt"));

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.hpaHiddenSectors()).isZero();
    assertThat(hidden.dcoHiddenSectors()).isEqualTo(50_000_000L);
    assertThat(hidden.describe()).isEqualTo("HPA: none, DCO: 50000000 sectors hidden");
  }

  @Test
  void probe_kernelIgnoresHpa_countsItAndSaysKernelReadsPast() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 312_581_808L);
    FakeHdparm hdparm = FakeHdparm.answering(fixture("n-hpa-enabled.txt"), "\tReal max sectors: 312581808\n");

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.hpaHiddenSectors()).isEqualTo(2_097_152L);
    assertThat(hidden.detail()).contains("the kernel reads past it");
  }

  @Test
  void probe_fourKnDrive_comparesInDriveSectors() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sda", "8:0").size512(7_814_037_168L).sectorSizes(4096, 4096).node();
    FakeHdparm hdparm = FakeHdparm.answering(
        " max sectors   = 976754646/976754646, HPA is disabled\n", "\tReal max sectors: 976754646\n");

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.describe()).isEqualTo("HPA: none, DCO: none");
  }

  @Test
  void probe_answerDisagreesWithKernel_notTrusted() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 500_000L);
    FakeHdparm hdparm = FakeHdparm.answering(fixture("n-hpa-enabled.txt"), "\tReal max sectors: 312581808\n");

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.available()).isFalse();
    assertThat(hidden.detail()).isEqualTo("hdparm -N reports 310484656/312581808 visible/native sectors"
        + " but the kernel sees 500000; the answer is not trusted");
  }

  @Test
  void probe_satBridgeAnswersGarbage_notAvailableNeverAGuess() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.scsiDisk("sdf", "8:80",
        "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", "ATA").size512(15_633_408L).node();
    FakeHdparm hdparm = FakeHdparm.answering(fixture("n-usb-bridge-bad-sense-data.txt"), "unused");

    HiddenAreas hidden = probe(hdparm, sys, "sdf");

    assertThat(hidden).isEqualTo(HiddenAreas.notAvailable(
        "hdparm -N: the drive (or its bridge) returned bad/missing sense data; its answer is not trusted"));
    assertThat(hdparm.commands).hasSize(1);
  }

  @Test
  void probe_hdparmFails_notAvailableWithItsReason() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 1000);
    FakeHdparm hdparm = new FakeHdparm(Map.of(),
        Map.of("-N", "\n/dev/sda:\n READ_NATIVE_MAX_ADDRESS_EXT failed: Input/output error\n"));

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.available()).isFalse();
    assertThat(hidden.detail()).isEqualTo("hdparm -N failed: " + HDPARM + " -N " + sys.dev.resolve("sda")
        + " failed (exit 5): /dev/sda: READ_NATIVE_MAX_ADDRESS_EXT failed: Input/output error");
  }

  @Test
  void probe_driveWithoutDcoFeature_hpaAvailableDcoNotWithReason() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 312_581_808L);
    FakeHdparm hdparm = FakeHdparm.answering(fixture("n-hpa-disabled.txt"),
        " HDIO_DRIVE_CMD(dco_identify) failed: Input/output error\n\n/dev/sda:\n");

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.available()).isTrue();
    assertThat(hidden.hpaHiddenSectors()).isZero();
    assertThat(hidden.dcoHiddenSectors()).isNull();
    assertThat(hidden.describe()).isEqualTo("HPA: none, DCO: not available");
    assertThat(hidden.detail()).endsWith("hdparm --dco-identify: no 'Real max sectors' in its output"
        + " (HDIO_DRIVE_CMD(dco_identify) failed: Input/output error)");
  }

  @Test
  void probe_dcoBelowNative_dcoNotTrusted() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 312_581_808L);
    FakeHdparm hdparm = FakeHdparm.answering(fixture("n-hpa-disabled.txt"), "\tReal max sectors: 1000\n");

    HiddenAreas hidden = probe(hdparm, sys, "sda");

    assertThat(hidden.dcoHiddenSectors()).isNull();
    assertThat(hidden.detail()).contains("real max sectors 1000 is below the native max 312581808");
  }

  @Test
  void probe_hdparmNotInstalled_notAvailable() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 1000);

    HiddenAreas hidden = new AtaHiddenAreaProbe(MUST_NOT_RUN, Optional.empty())
        .probe(sys.dev.resolve("sda"), sys.sys.resolve("class/block/sda"));

    assertThat(hidden).isEqualTo(HiddenAreas.notAvailable("hdparm not installed"));
  }

  @Test
  void probe_noDeviceNode_notAvailable() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.ataDisk("sda", "8:0").size512(1000);

    HiddenAreas hidden = probe(MUST_NOT_RUN, sys, "sda");

    assertThat(hidden.detail()).isEqualTo("no device node " + sys.dev.resolve("sda") + " to ask the drive through");
  }

  @Test
  void probe_loopDevice_notAvailableWithoutAsking() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtualDisk("loop0", "7:0").size512(8192).backingFile("/tmp/x.img").node();

    assertThat(probe(MUST_NOT_RUN, sys, "loop0")).isEqualTo(HiddenAreas.notAvailable("loop device"));
  }

  @Test
  void probe_virtioDisk_notAvailableWithoutAsking() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtioDisk("vda", "254:0").size512(8192).node();

    assertThat(probe(MUST_NOT_RUN, sys, "vda")).isEqualTo(HiddenAreas.notAvailable("virtio disk, no ATA commands"));
  }

  @Test
  void probe_nvmeNamespace_notAvailableWithoutAsking() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.nvmeDisk("nvme0n1", "259:0").size512(8192).node();

    assertThat(probe(MUST_NOT_RUN, sys, "nvme0n1").detail()).startsWith("NVMe: no HPA/DCO");
  }

  @Test
  void probe_usbBridgeReportingItsOwnVendor_notAvailableWithoutAsking() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.scsiDisk("sdb", "8:16",
        "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", "JMicron").size512(8192).node();

    assertThat(probe(MUST_NOT_RUN, sys, "sdb").detail())
        .isEqualTo("USB bridge does not pass ATA commands: it reports vendor 'JMicron',"
            + " not the 'ATA' of SCSI-to-ATA translation; not asked");
  }

  @Test
  void probe_scsiDiskNotAta_notAvailableWithoutAsking() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.scsiDisk("sdc", "8:32", "devices/pci0000:00/0000:00:03.0/host2/target2:0:0/2:0:0:0", "SEAGATE").size512(8192).node();

    assertThat(probe(MUST_NOT_RUN, sys, "sdc").detail())
        .isEqualTo("SCSI device reporting vendor 'SEAGATE', not 'ATA': no ATA commands; not asked");
  }

  @Test
  void probe_deviceMapper_notAvailableWithoutAsking() {
    FakeSysfs sys = new FakeSysfs(root);
    sys.virtualDisk("dm-0", "253:0").size512(8192).node();

    assertThat(probe(MUST_NOT_RUN, sys, "dm-0").detail()).isEqualTo("device-mapper device: ask the drives beneath it");
  }

  @Test
  void probe_partition_notAvailableWithoutAsking() {
    FakeSysfs sys = new FakeSysfs(root);
    ataDrive(sys, 1000).partition("sda1", 1, 8, 900, "8:1", true);

    assertThat(probe(MUST_NOT_RUN, sys, "sda1").detail()).startsWith("a partition;");
  }

  @Test
  void findExecutable_inPathOrSbin() throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path tool = Files.createFile(bin.resolve("hdparm-fake"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    assertThat(SystemTools.find("hdparm-fake", "::/nonexistent:" + bin)).contains(tool);
    assertThat(SystemTools.find("hdparm-fake", null)).isEmpty();
  }

  @Test
  void findExecutable_notExecutable_notFound() throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.createFile(bin.resolve("hdparm-fake"));

    assertThat(SystemTools.find("hdparm-fake", bin.toString())).isEmpty();
  }
}

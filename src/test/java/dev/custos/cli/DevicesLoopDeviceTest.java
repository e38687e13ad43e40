package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import dev.custos.testing.PythonJsonSchema;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acquire devices} on real loop devices, checked against tools nobody here wrote ({@code
 * blockdev}, {@code lsblk}, {@code losetup}, {@code sfdisk}, {@code findmnt}). Needs root and loop
 * devices; skips, saying why, without them. Everything attached or mounted is undone after each
 * test, whatever its outcome.
 */
class DevicesLoopDeviceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long FOUR_MIB = 4L * 1024 * 1024;

  @TempDir Path work;

  /** Undo steps, newest first: unmount before detaching. */
  private final Deque<Runnable> cleanup = new ArrayDeque<>();

  @BeforeEach
  void needLoopDevices() {
    LoopDevice.assumeLoopDevices();
  }

  @AfterEach
  void undo() {
    while (!cleanup.isEmpty()) {
      try {
        cleanup.pop().run();
      } catch (RuntimeException | AssertionError e) {
        System.err.println("cleanup step failed: " + e.getMessage());
      }
    }
  }

  @Test
  void list_readOnlyLoopDevice_showsKernelFlagExactSizeBackingFileAndNoHiddenAreaGuess() throws IOException {
    Path image = work.resolve("evidence.img");
    try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
      file.setLength(FOUR_MIB);
    }
    LoopDevice loop = attach(LoopDevice.readOnly(image));
    String node = loop.path().toString();

    Cli.Run json = Cli.run("acquire", "devices", "--json");

    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode device = deviceAt(json.out(), node);
    long blockdevSize = Long.parseLong(ExternalTool.ok("blockdev", "--getsize64", node).strip());
    JsonNode lsblk = lsblk(node);
    assertThat(device.get("sizeBytes").asLong()).isEqualTo(4_194_304L).isEqualTo(blockdevSize)
        .isEqualTo(lsblk.get("size").asLong());
    assertThat(device.get("kernelReadOnly").asBoolean()).isTrue().isEqualTo(flag(lsblk.get("ro")));
    assertThat(ExternalTool.ok("blockdev", "--getro", node).strip()).isEqualTo("1");
    assertThat(device.get("logicalSectorSize").asInt()).isEqualTo(lsblk.get("log-sec").asInt());
    assertThat(device.get("physicalSectorSize").asInt()).isEqualTo(lsblk.get("phy-sec").asInt());
    assertThat(device.get("removable").asBoolean()).isEqualTo(flag(lsblk.get("rm")));
    assertThat(device.get("rotational").asBoolean()).isEqualTo(flag(lsblk.get("rota")));
    assertThat(device.get("backingFile").asText()).isEqualTo(image.toRealPath().toString())
        .isEqualTo(ExternalTool.ok("losetup", "-n", "-O", "BACK-FILE", node).strip());
    assertThat(device.get("nodePresent").asBoolean()).isTrue();
    assertThat(device.get("partitions")).isEmpty();
    assertThat(device.get("hiddenAreas").get("available").asBoolean()).isFalse();
    assertThat(device.get("hiddenAreas").get("hpaHiddenSectors").isNull()).isTrue();
    assertThat(device.get("hiddenAreas").get("dcoHiddenSectors").isNull()).isTrue();
    assertThat(device.get("hiddenAreas").get("detail").asText()).isEqualTo("loop device");
    assertThat(DevicesSchema.networkntViolations(MAPPER.readTree(json.out()))).isEmpty();
    PythonJsonSchema.Result python = DevicesSchema.pythonValidate(json.out(), work);
    assertThat(python.valid()).as(python.output()).isTrue();

    Cli.Run table = Cli.run("acquire", "devices");

    assertThat(table.exitCode()).as(table.err()).isZero();
    String row = table.out().lines().filter(line -> line.startsWith(node + " ")).findFirst().orElseThrow();
    assertThat(row.split("\\s+")).startsWith(node, "4194304", "4.19", "MB",
        lsblk.get("log-sec").asText(), lsblk.get("phy-sec").asText(),
        flag(lsblk.get("rm")) ? "1" : "0", flag(lsblk.get("rota")) ? "1" : "0", "1");
    assertThat(table.out()).contains(row + "\n  backing file: " + image.toRealPath() + "\n"
        + "  HPA/DCO: not available (loop device)\n");
  }

  @Test
  void list_partitionedLoopDevice_showsPartitionsAndTheirMountsReadOnlyAndReadWrite() throws IOException {
    ExternalTool.assumeInstalled("sfdisk");
    ExternalTool.assumeInstalled("mount");
    ExternalTool.assumeInstalled("findmnt");
    String fileSystem = usableFileSystem();
    Path image = work.resolve("disk.img");
    try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
      file.setLength(16L * 1024 * 1024);
    }
    // Partition 1: LBA 2048, 3 MiB; partition 2: LBA 8192, 4 MiB.
    sfdisk(image, "label: dos\nstart=2048, size=6144, type=c\nstart=8192, size=8192, type=83\n");
    LoopDevice loop = attach(LoopDevice.partitioned(image));
    String node = loop.path().toString();
    Path first = partitionNode(loop, 1);
    Path second = partitionNode(loop, 2);
    makeFileSystem(fileSystem, first);
    makeFileSystem(fileSystem, second);
    Path readOnlyMount = Files.createDirectory(work.resolve("case files ro"));
    Path readWriteMount = Files.createDirectory(work.resolve("scratch-rw"));
    mount(first, readOnlyMount, fileSystem, "ro");
    mount(second, readWriteMount, fileSystem, "rw");

    Cli.Run json = Cli.run("acquire", "devices", "--json");

    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode device = deviceAt(json.out(), node);
    assertThat(device.get("kernelReadOnly").asBoolean()).isFalse();
    assertThat(device.get("mounts")).isEmpty();
    JsonNode partitions = device.get("partitions");
    assertThat(partitions).hasSize(2);
    JsonNode table = MAPPER.readTree(ExternalTool.ok("sfdisk", "-J", image.toString())).get("partitiontable");
    for (int i = 0; i < 2; i++) {
      JsonNode listed = partitions.get(i);
      JsonNode fromSfdisk = table.get("partitions").get(i);
      Path partitionNode = i == 0 ? first : second;
      assertThat(listed.get("number").asInt()).isEqualTo(i + 1);
      assertThat(listed.get("path").asText()).isEqualTo(partitionNode.toString());
      assertThat(listed.get("startLba").asLong()).isEqualTo(fromSfdisk.get("start").asLong());
      assertThat(listed.get("startBytes").asLong()).isEqualTo(fromSfdisk.get("start").asLong() * 512);
      assertThat(listed.get("sizeBytes").asLong()).isEqualTo(fromSfdisk.get("size").asLong() * 512)
          .isEqualTo(Long.parseLong(ExternalTool.ok("blockdev", "--getsize64", partitionNode.toString()).strip()));
    }
    assertThat(partitions.get(0).get("startLba").asLong()).isEqualTo(2048);
    assertThat(partitions.get(0).get("sizeBytes").asLong()).isEqualTo(3_145_728L);
    assertMount(partitions.get(0), readOnlyMount, true);
    assertMount(partitions.get(1), readWriteMount, false);
    assertThat(DevicesSchema.networkntViolations(MAPPER.readTree(json.out()))).isEmpty();
    PythonJsonSchema.Result python = DevicesSchema.pythonValidate(json.out(), work);
    assertThat(python.valid()).as(python.output()).isTrue();

    Cli.Run text = Cli.run("acquire", "devices");

    assertThat(text.exitCode()).as(text.err()).isZero();
    String type = findmnt(readOnlyMount, "FSTYPE");
    assertThat(text.out()).contains(
        "  partition 1  " + first + "  start LBA 2048  size 3145728 bytes (3.15 MB)  RO 0\n"
            + "    mounted at " + readOnlyMount + " (" + type + ", ro)\n"
            + "  partition 2  " + second + "  start LBA 8192  size 4194304 bytes (4.19 MB)  RO 0\n"
            + "    mounted at " + readWriteMount + " (" + type + ", rw)\n");
  }

  private void assertMount(JsonNode partition, Path mountPoint, boolean readOnly) {
    JsonNode mounts = partition.get("mounts");
    assertThat(mounts).hasSize(1);
    JsonNode mount = mounts.get(0);
    assertThat(mount.get("mountPoint").asText()).isEqualTo(mountPoint.toString());
    assertThat(mount.get("fileSystemType").asText()).isEqualTo(findmnt(mountPoint, "FSTYPE"));
    assertThat(mount.get("readOnly").asBoolean()).isEqualTo(readOnly);
    assertThat(findmnt(mountPoint, "OPTIONS").split(",")[0]).isEqualTo(readOnly ? "ro" : "rw");
  }

  private LoopDevice attach(LoopDevice loop) {
    cleanup.push(loop::close);
    return loop;
  }

  /** The device in the listing whose path is {@code node}. */
  private static JsonNode deviceAt(String json, String node) throws IOException {
    for (JsonNode device : MAPPER.readTree(json).get("devices")) {
      if (device.get("path").asText().equals(node)) {
        return device;
      }
    }
    throw new AssertionError(node + " is not in the listing: " + json);
  }

  private static JsonNode lsblk(String node) throws IOException {
    String json = ExternalTool.ok("lsblk", "-b", "-J", "-d", "-o", "NAME,SIZE,RO,RM,ROTA,LOG-SEC,PHY-SEC", node);
    return MAPPER.readTree(json).get("blockdevices").get(0);
  }

  /** An lsblk flag: a JSON boolean, or "1"/"0" from util-linux before 2.37. */
  private static boolean flag(JsonNode value) {
    return value.isBoolean() ? value.asBoolean() : "1".equals(value.asText());
  }

  private static String findmnt(Path mountPoint, String column) {
    return ExternalTool.ok("findmnt", "-n", "-o", column, "--mountpoint", mountPoint.toString()).strip();
  }

  private static void sfdisk(Path image, String script) throws IOException {
    Path scriptFile = Files.writeString(image.resolveSibling("sfdisk.script"), script, StandardCharsets.UTF_8);
    ExternalTool.Result result = ExternalTool.run(
        ExternalTool.command("sh", "-c", "sfdisk -q \"$1\" < \"$2\"", "sfdisk", image.toString(), scriptFile.toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  /**
   * The node of partition {@code number}. A kernel built without the partition parser for the
   * table (some VM kernels have none) leaves {@code losetup -P} without partitions: then they are
   * added from user space with {@code partx -a}, which parses the table itself.
   */
  private static Path partitionNode(LoopDevice loop, int number) {
    Path sysfs = Path.of("/sys/class/block", loop.path().getFileName() + "p" + number);
    for (int i = 0; i < 20 && !Files.exists(sysfs); i++) {
      sleep(50);
    }
    if (!Files.exists(sysfs)) {
      assumeTrue(ExternalTool.find("partx").isPresent(), "the kernel found no partitions and partx is missing: skipping");
      System.out.println("note: the kernel did not scan " + loop.path() + "'s partition table; adding with partx -a");
      ExternalTool.ok("partx", "-a", loop.path().toString());
    }
    return loop.partition(number);
  }

  /** vfat as the brief asks, where the kernel can mount it; else ext2, saying why. */
  private static String usableFileSystem() throws IOException {
    String known = Files.readString(Path.of("/proc/filesystems"), StandardCharsets.US_ASCII);
    boolean vfat = known.lines().anyMatch(line -> line.strip().equals("vfat"));
    if (vfat && ExternalTool.find("mkfs.fat").isPresent()) {
      return "vfat";
    }
    assumeTrue(known.lines().anyMatch(line -> line.strip().equals("ext2")) && ExternalTool.find("mkfs.ext2").isPresent(),
        "the kernel mounts neither vfat nor ext2 here: skipping");
    System.out.println("note: this kernel cannot mount vfat (or mkfs.fat is missing); using ext2");
    return "ext2";
  }

  private static void makeFileSystem(String type, Path partition) {
    if (type.equals("vfat")) {
      ExternalTool.ok("mkfs.fat", "-n", "CUSTOS", partition.toString());
    } else {
      ExternalTool.ok("mkfs.ext2", "-q", "-F", "-L", "custos", partition.toString());
    }
  }

  private void mount(Path partition, Path mountPoint, String type, String mode) {
    ExternalTool.Result result = ExternalTool.run(ExternalTool.command(
        "mount", "-t", type, "-o", mode, partition.toString(), mountPoint.toString()));
    assumeTrue(result.exitCode() == 0, "cannot mount here (" + result.output().strip() + "): skipping");
    cleanup.push(() -> {
      if (ExternalTool.run(ExternalTool.command("umount", mountPoint.toString())).exitCode() != 0) {
        ExternalTool.run(ExternalTool.command("umount", "-l", mountPoint.toString()));
      }
    });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

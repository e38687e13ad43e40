package dev.custos.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks a drive that speaks ATA whether a host protected area (HPA) or a device configuration
 * overlay (DCO) hides sectors, with two read-only queries: {@code hdparm -N DEVICE} (IDENTIFY
 * DEVICE and READ NATIVE MAX ADDRESS) and {@code hdparm --dco-identify DEVICE} (DEVICE
 * CONFIGURATION IDENTIFY). Never passes a value to {@code -N} nor any option that sets something.
 *
 * <p>A drive speaks ATA when the SCSI layer reports its vendor as {@code ATA}: libata, and every
 * bridge doing SCSI-to-ATA translation (SAT), report that vendor. Every other device is "not
 * available" with the reason read from sysfs (loop, virtio, NVMe, a USB bridge reporting its own
 * vendor); it is not asked at all.
 *
 * <p>Sectors hidden by the HPA are native minus visible; by the DCO, the DCO's real max minus
 * native. An answer is taken only if it agrees with the kernel: the kernel's sector count must
 * equal the visible count (or the native one, when libata was told to ignore the HPA). A bridge
 * that does not pass ATA commands otherwise answers with garbage.
 *
 * <p>Thread-safe: stateless but for its injected seams.
 */
final class AtaHiddenAreaProbe implements HiddenAreaProbe {
  private static final Pattern USB_ROOT_HUB = Pattern.compile("usb[0-9]+");
  private static final Pattern NVME_NAMESPACE = Pattern.compile("nvme[0-9]+(c[0-9]+)?n[0-9]+");

  private final CommandRunner commands;
  private final Optional<Path> hdparm;

  /**
   * @param commands runs hdparm
   * @param hdparm the hdparm executable, or empty when it is not installed
   */
  AtaHiddenAreaProbe(CommandRunner commands, Optional<Path> hdparm) {
    this.commands = commands;
    this.hdparm = hdparm;
  }

  /** The probe of this system: hdparm found on {@code PATH} or in the sbin directories. */
  static AtaHiddenAreaProbe system() {
    return new AtaHiddenAreaProbe(CommandRunner.system(), SystemTools.find("hdparm", System.getenv("PATH")));
  }


  @Override
  public HiddenAreas probe(Path node, Path sysfsDir) {
    Optional<String> notAta = whyNotAta(sysfsDir);
    if (notAta.isPresent()) {
      return HiddenAreas.notAvailable(notAta.get());
    }
    if (hdparm.isEmpty()) {
      return HiddenAreas.notAvailable("hdparm not installed");
    }
    if (!Files.exists(node)) {
      return HiddenAreas.notAvailable("no device node " + node + " to ask the drive through");
    }
    Optional<Long> kernelSectors = kernelSectors(sysfsDir);
    if (kernelSectors.isEmpty()) {
      return HiddenAreas.notAvailable("the kernel's size of " + sysfsDir.getFileName()
          + " is unknown, so hdparm's answer cannot be checked");
    }

    HdparmOutput.MaxSectors max;
    try {
      max = HdparmOutput.maxSectors(run("-N", node));
    } catch (IOException e) {
      return HiddenAreas.notAvailable("hdparm -N failed: " + oneLine(SourceInspector.describe(e)));
    } catch (HdparmOutput.NotAnswered e) {
      return HiddenAreas.notAvailable("hdparm -N: " + e.getMessage());
    }
    long kernel = kernelSectors.get();
    if (max.visible() != kernel && max.nativeMax() != kernel) {
      return HiddenAreas.notAvailable("hdparm -N reports " + max.visible() + "/" + max.nativeMax()
          + " visible/native sectors but the kernel sees " + kernel + "; the answer is not trusted");
    }
    String hpaDetail = describe(max, kernel);

    Long dcoHidden = null;
    String dcoDetail;
    try {
      long realMax = HdparmOutput.realMaxSectors(run("--dco-identify", node));
      if (realMax < max.nativeMax()) {
        dcoDetail = "hdparm --dco-identify: real max sectors " + realMax + " is below the native max "
            + max.nativeMax() + "; the answer is not trusted";
      } else {
        dcoHidden = realMax - max.nativeMax();
        dcoDetail = "hdparm --dco-identify: real max sectors " + realMax;
      }
    } catch (IOException e) {
      dcoDetail = "hdparm --dco-identify failed: " + oneLine(SourceInspector.describe(e));
    } catch (HdparmOutput.NotAnswered e) {
      dcoDetail = "hdparm --dco-identify: " + e.getMessage();
    }
    return new HiddenAreas(true, max.hiddenSectors(), dcoHidden, hpaDetail + "; " + dcoDetail);
  }

  private String run(String option, Path node) throws IOException {
    // Only the two queries, each with the device alone: -N with a value would set the max address.
    return commands.run(List.of(hdparm.orElseThrow().toString(), option, node.toString()));
  }

  private static String describe(HdparmOutput.MaxSectors max, long kernelSectors) {
    String feature = max.accessibleMaxAddress() ? "ACCESSIBLE MAX ADDRESS" : "HPA";
    String state = max.hiddenSectors() > 0 ? " enabled" : " disabled";
    String detail = "hdparm -N: max sectors " + max.visible() + "/" + max.nativeMax() + " (visible/native), "
        + feature + state;
    if (max.hiddenSectors() > 0 && kernelSectors == max.nativeMax()) {
      // libata.ignore_hpa: the kernel lifted the HPA for this boot, the drive still has it.
      detail += " (the kernel reads past it: it sees all " + kernelSectors + " native sectors)";
    }
    return detail;
  }

  /** The kernel's sector count: sysfs {@code size} is in 512-byte units, the drive's LBAs are logical sectors. */
  private static Optional<Long> kernelSectors(Path sysfsDir) {
    Optional<Long> units = Sysfs.readLong(sysfsDir, "size");
    int logical = Sysfs.readLong(sysfsDir.resolve("queue"), "logical_block_size").map(Long::intValue).orElse(512);
    if (units.isEmpty() || logical < 512 || Integer.bitCount(logical) != 1) {
      return Optional.empty();
    }
    return Optional.of(Math.multiplyExact(units.get(), 512L) / logical);
  }

  /**
   * Why the device cannot be asked ATA commands, read from sysfs; empty for a drive that speaks
   * ATA.
   */
  static Optional<String> whyNotAta(Path sysfsDir) {
    String name = sysfsDir.getFileName().toString();
    if (Sysfs.isPartition(sysfsDir)) {
      return Optional.of("a partition; HPA and DCO belong to the whole drive");
    }
    if (NVME_NAMESPACE.matcher(name).matches()) {
      return Optional.of("NVMe: no HPA/DCO (NVMe has neither; it is not ATA)");
    }
    Optional<String> subsystem = Sysfs.subsystemOf(sysfsDir);
    if (subsystem.isEmpty()) {
      return Optional.of(virtualDevice(name));
    }
    switch (subsystem.get()) {
      case "scsi": {
        Optional<String> vendor = Sysfs.read(sysfsDir, "device/vendor");
        if (vendor.isPresent() && vendor.get().equals("ATA")) {
          return Optional.empty();
        }
        String reported = vendor.map(v -> "vendor '" + v + "'").orElse("no vendor");
        if (viaUsb(sysfsDir)) {
          return Optional.of("USB bridge does not pass ATA commands: it reports " + reported
              + ", not the 'ATA' of SCSI-to-ATA translation; not asked");
        }
        return Optional.of("SCSI device reporting " + reported + ", not 'ATA': no ATA commands; not asked");
      }
      case "virtio":
        return Optional.of("virtio disk, no ATA commands");
      case "mmc":
        return Optional.of("MMC/SD card: no HPA/DCO (not ATA)");
      case "xen":
        return Optional.of("Xen virtual disk, no ATA commands");
      default:
        if (subsystem.get().startsWith("nvme")) {
          return Optional.of("NVMe: no HPA/DCO (NVMe has neither; it is not ATA)");
        }
        return Optional.of("a " + subsystem.get() + " device, not ATA: no ATA commands; not asked");
    }
  }

  private static String virtualDevice(String name) {
    if (name.startsWith("loop")) {
      return "loop device";
    }
    if (name.startsWith("zram")) {
      return "zram device (compressed RAM), no drive";
    }
    if (name.startsWith("ram")) {
      return "RAM disk, no drive";
    }
    if (name.startsWith("dm-")) {
      return "device-mapper device: ask the drives beneath it";
    }
    if (name.startsWith("md")) {
      return "software RAID (md): ask its member drives";
    }
    if (name.startsWith("nbd")) {
      return "network block device, no ATA commands";
    }
    return "virtual block device, no drive to ask";
  }

  /** Whether the device hangs below a USB root hub ({@code .../usb2/2-1/...}). */
  private static boolean viaUsb(Path sysfsDir) {
    try {
      for (Path element : sysfsDir.toRealPath()) {
        if (USB_ROOT_HUB.matcher(element.toString()).matches()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}

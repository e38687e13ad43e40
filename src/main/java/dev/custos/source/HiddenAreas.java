package dev.custos.source;

/**
 * Whether a host protected area (HPA) or a device configuration overlay (DCO) hides sectors of an
 * ATA drive. Only what the drive answered is stated; where it cannot be asked (loop devices, USB
 * bridges that do not pass ATA commands, image files) the state is "not available", never a guess.
 *
 * @param available whether the drive was asked and answered
 * @param hpaHiddenSectors sectors hidden by an HPA (0 when none), or {@code null} when not available
 * @param dcoHiddenSectors sectors hidden by a DCO (0 when none), or {@code null} when not available
 * @param detail what was asked and how, or why it could not be
 */
public record HiddenAreas(boolean available, Long hpaHiddenSectors, Long dcoHiddenSectors, String detail) {

  /** Not available, for the reason given. */
  public static HiddenAreas notAvailable(String reason) {
    return new HiddenAreas(false, null, null, reason);
  }

  /** Text for people: "not available (loop device)", "HPA: none, DCO: 2048 sectors hidden". */
  public String describe() {
    if (!available) {
      return "not available (" + detail + ")";
    }
    return "HPA: " + describeCount(hpaHiddenSectors) + ", DCO: " + describeCount(dcoHiddenSectors);
  }

  private static String describeCount(Long sectors) {
    if (sectors == null) {
      return "not available";
    }
    return sectors == 0 ? "none" : sectors + " sectors hidden";
  }
}

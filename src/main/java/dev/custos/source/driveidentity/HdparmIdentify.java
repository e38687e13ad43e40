package dev.custos.source.driveidentity;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code hdparm -I} prints (hdparm 9.x): the decoded ATA IDENTIFY DEVICE data, a
 * {@code Label: value} a line under the device name. A device that does not answer IDENTIFY (a
 * loop device, NVMe, a bridge that does not pass ATA commands) gets only the device name printed,
 * and exit 0: that is "not available", never an empty identity.
 */
final class HdparmIdentify {
  private static final Pattern MODEL = line("Model Number");
  private static final Pattern SERIAL = line("Serial Number");
  private static final Pattern FIRMWARE = line("Firmware Revision");
  private static final Pattern LBA48_SECTORS = Pattern.compile("^\\s*LBA48\\s+user addressable sectors:\\s*(\\d+)\\s*$", Pattern.MULTILINE);
  private static final Pattern LBA_SECTORS = Pattern.compile("^\\s*LBA\\s+user addressable sectors:\\s*(\\d+)\\s*$", Pattern.MULTILINE);
  private static final Pattern LOGICAL_SECTOR = Pattern.compile("^\\s*Logical\\s+Sector size:\\s*(\\d+) bytes", Pattern.MULTILINE);
  private static final Pattern ROTATION = line("Nominal Media Rotation Rate");

  private HdparmIdentify() {}

  private static Pattern line(String label) {
    return Pattern.compile("^\\s*" + label + ":\\s*(.*?)\\s*$", Pattern.MULTILINE);
  }

  static Answer read(String output, String stderrLine) {
    Optional<String> model = find(MODEL, output);
    Optional<String> serial = find(SERIAL, output);
    if (model.isEmpty() && serial.isEmpty()) {
      String said = stderrLine.isEmpty() ? ": it printed only the device name" : stderrLine;
      return Answer.notAvailable("the device did not answer ATA IDENTIFY DEVICE" + said);
    }
    DriveFacts.Builder facts = new DriveFacts.Builder();
    facts.protocol = Optional.of("ATA");
    facts.model = model;
    facts.serial = serial;
    facts.firmware = find(FIRMWARE, output);
    OptionalLong sectors = number(LBA48_SECTORS, output);
    if (sectors.isEmpty() || sectors.getAsLong() == 0) {
      sectors = number(LBA_SECTORS, output);
    }
    OptionalLong logical = number(LOGICAL_SECTOR, output);
    if (sectors.isPresent() && sectors.getAsLong() > 0) {
      // The drive sets these words as it likes: a product past 2^63 - 1 is said, never a crash.
      try {
        facts.capacityBytes = OptionalLong.of(Math.multiplyExact(sectors.getAsLong(), logical.orElse(512)));
      } catch (ArithmeticException e) {
        facts.notes.add("hdparm: " + sectors.getAsLong() + " user addressable sectors of " + logical.orElse(512)
            + " bytes is more bytes than can be counted: capacity not stated");
      }
    }
    Optional<String> rotation = find(ROTATION, output);
    if (rotation.filter(rate -> rate.startsWith("Solid State")).isPresent()) {
      facts.rotationRate = OptionalLong.of(0);
    } else if (rotation.filter(rate -> rate.matches("\\d{1,6}")).isPresent()) {
      facts.rotationRate = OptionalLong.of(Long.parseLong(rotation.get()));
    }
    return Answer.of(facts.build());
  }

  private static Optional<String> find(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    return DriveFacts.bounded(matcher.find() && !matcher.group(1).isBlank() ? Optional.of(matcher.group(1)) : Optional.empty());
  }

  private static OptionalLong number(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(matcher.group(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}

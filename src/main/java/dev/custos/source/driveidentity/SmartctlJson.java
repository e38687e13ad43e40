package dev.custos.source.driveidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what {@code smartctl -x --json=c} prints (smartmontools 7.x, JSON format version 1).
 *
 * <p>smartctl's exit status is a bit mask (smartctl(8), "RETURN VALUES"): bit 0, the command line
 * did not parse; bit 1, the device could not be opened or did not answer IDENTIFY (a loop device,
 * a USB bridge it does not know): then it says nothing of the drive, and the reason is its error
 * messages. Bits 2 to 7 are about the drive it did identify (a failed command, a failing
 * assessment, thresholds crossed, errors logged) and become notes beside the facts.
 *
 * <p>Members read: {@code model_name}, {@code serial_number}, {@code firmware_version}, {@code
 * user_capacity.bytes}, {@code rotation_rate}, {@code smart_status.passed}, {@code
 * power_on_time.hours}, {@code temperature.current}, the raw values of ATA attributes 5, 197 and
 * 198 in {@code ata_smart_attributes.table}, and for NVMe {@code
 * nvme_smart_health_information_log.{critical_warning, media_errors, percentage_used}} and the
 * first namespace's {@code size.bytes}.
 */
final class SmartctlJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] EXIT_BITS = {
      "the command line did not parse",
      "the device could not be opened or did not answer IDENTIFY",
      "a SMART or other command to the drive failed, or a SMART data structure has a checksum error",
      "SMART status: DISK FAILING",
      "prefail attributes at or below their thresholds",
      "some attributes were at or below their thresholds in the past",
      "the drive's error log holds errors",
      "the drive's self-test log holds errors"};

  private SmartctlJson() {}

  static Answer read(byte[] stdout, int processExit, String stderrLine) {
    JsonNode root;
    try {
      root = MAPPER.readTree(stdout);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return Answer.notAvailable("it printed no JSON (exit " + processExit + stderrLine + ")");
    }
    JsonNode status = root.path("smartctl").path("exit_status");
    int exit = status.isInt() ? status.intValue() : processExit;
    if ((exit & 0b11) != 0) {
      return Answer.notAvailable(errorMessages(root).orElse(EXIT_BITS[(exit & 1) != 0 ? 0 : 1])
          + " (exit " + exit + ")");
    }
    DriveFacts.Builder facts = new DriveFacts.Builder();
    facts.protocol = text(root.path("device").path("protocol"));
    facts.model = text(root.path("model_name"));
    facts.serial = text(root.path("serial_number"));
    facts.firmware = text(root.path("firmware_version"));
    facts.capacityBytes = count(root.path("user_capacity").path("bytes"));
    facts.rotationRate = count(root.path("rotation_rate"));
    JsonNode passed = root.path("smart_status").path("passed");
    facts.smartPassed = passed.isBoolean() ? Optional.of(passed.booleanValue()) : Optional.empty();
    facts.powerOnHours = count(root.path("power_on_time").path("hours"));
    facts.temperatureCelsius = count(root.path("temperature").path("current"));
    for (JsonNode attribute : root.path("ata_smart_attributes").path("table")) {
      OptionalLong raw = count(attribute.path("raw").path("value"));
      switch (attribute.path("id").asInt(-1)) {
        case 5 -> facts.reallocatedSectors = raw;
        case 197 -> facts.pendingSectors = raw;
        case 198 -> facts.offlineUncorrectable = raw;
        default -> { }
      }
    }
    JsonNode nvmeLog = root.path("nvme_smart_health_information_log");
    facts.criticalWarning = count(nvmeLog.path("critical_warning"));
    facts.mediaErrors = count(nvmeLog.path("media_errors"));
    facts.percentageUsed = count(nvmeLog.path("percentage_used"));
    if (facts.protocol.filter("NVMe"::equals).isPresent()) {
      facts.rotationRate = OptionalLong.of(0);
      facts.namespaceBytes = count(root.path("nvme_namespaces").path(0).path("size").path("bytes"));
    }
    for (int bit = 2; bit < EXIT_BITS.length; bit++) {
      if ((exit & (1 << bit)) != 0) {
        facts.notes.add("smartctl exit bit " + bit + ": " + EXIT_BITS[bit]);
      }
    }
    DriveFacts read = facts.build();
    if (read.model().isEmpty() && read.serial().isEmpty()) {
      return Answer.notAvailable("no model or serial number in its answer (exit " + exit + ")");
    }
    return Answer.of(read);
  }

  /** smartctl's messages of severity error, joined; what it says when it could not ask the drive. */
  private static Optional<String> errorMessages(JsonNode root) {
    List<String> errors = new ArrayList<>();
    for (JsonNode message : root.path("smartctl").path("messages")) {
      if ("error".equals(message.path("severity").asText()) && message.path("string").isTextual()) {
        errors.add(message.path("string").textValue().strip());
      }
    }
    return errors.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", errors));
  }

  static Optional<String> text(JsonNode node) {
    return DriveFacts.bounded(node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue().strip()) : Optional.empty());
  }

  static OptionalLong count(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0 ? OptionalLong.of(node.longValue())
        : OptionalLong.empty();
  }
}

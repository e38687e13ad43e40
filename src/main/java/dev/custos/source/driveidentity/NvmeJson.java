package dev.custos.source.driveidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what nvme-cli 2.x prints with {@code -o json}: {@code id-ctrl} (members {@code mn}, {@code
 * sn}, {@code fr}, the controller's Identify strings, space-padded), {@code id-ns} ({@code nsze}
 * logical blocks of the format {@code flbas} selects among {@code lbafs}, each {@code 2^ds}
 * bytes) and {@code list-ns} (kept as a transcript; nothing of it is summarised).
 */
final class NvmeJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NvmeJson() {}

  static Answer read(DriveQuery query, byte[] stdout) {
    JsonNode root;
    try {
      root = MAPPER.readTree(stdout);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || root.isMissingNode() || !(root.isObject() || root.isArray())) {
      return Answer.notAvailable("it printed no JSON");
    }
    DriveFacts.Builder facts = new DriveFacts.Builder();
    facts.protocol = Optional.of("NVMe");
    switch (query) {
      case NVME_ID_CTRL -> {
        facts.model = SmartctlJson.text(root.path("mn"));
        facts.serial = SmartctlJson.text(root.path("sn"));
        facts.firmware = SmartctlJson.text(root.path("fr"));
        facts.rotationRate = OptionalLong.of(0);
        if (facts.model.isEmpty() && facts.serial.isEmpty()) {
          return Answer.notAvailable("no model (mn) or serial number (sn) in its answer");
        }
      }
      case NVME_ID_NS -> {
        OptionalLong blocks = SmartctlJson.count(root.path("nsze"));
        OptionalLong format = SmartctlJson.count(root.path("flbas"));
        if (blocks.isEmpty() || format.isEmpty()) {
          return Answer.notAvailable("no namespace size (nsze) or format (flbas) in its answer");
        }
        OptionalLong shift = SmartctlJson.count(root.path("lbafs").path((int) (format.getAsLong() & 0xf)).path("ds"));
        if (shift.isPresent() && shift.getAsLong() >= 9 && shift.getAsLong() <= 16) {
          // nsze is the drive's to set: a product past 2^63 - 1 is said, never a crash.
          try {
            facts.namespaceBytes = OptionalLong.of(Math.multiplyExact(blocks.getAsLong(), 1L << shift.getAsLong()));
          } catch (ArithmeticException e) {
            facts.notes.add("nvme id-ns: " + blocks.getAsLong() + " logical blocks of " + (1L << shift.getAsLong())
                + " bytes is more bytes than can be counted: namespace size not stated");
          }
        }
      }
      default -> { }
    }
    return Answer.of(facts.build());
  }
}

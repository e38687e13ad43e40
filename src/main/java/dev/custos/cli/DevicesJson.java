package dev.custos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.evidence.JsonText;
import dev.custos.evidence.ManifestJson;
import dev.custos.evidence.ToolInfo;
import dev.custos.source.BlockDevice;
import dev.custos.source.DeviceListing;
import dev.custos.source.HiddenAreas;
import dev.custos.source.Mount;
import dev.custos.source.Partition;
import dev.custos.source.SourceIdentity;
import java.util.List;

/**
 * The JSON of {@code acquire devices --json}, as {@code evidence-schema/devices.schema.json}
 * specifies it: two-space indent, members in a fixed order, a final newline. The device members
 * are named as in the manifest's {@code source}. Sizes are exact integers; unknown facts are
 * {@code null}, never guessed.
 */
final class DevicesJson {
  /** The version of the document's format; readers refuse one they do not know. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DevicesJson() {}

  /** The document as text, ending in a newline. */
  static String toText(DeviceListing listing, ToolInfo tool) {
    return JsonText.of(toTree(listing, tool));
  }

  /** The document as a JSON tree. */
  static ObjectNode toTree(DeviceListing listing, ToolInfo tool) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.set("tool", ManifestJson.toolTree(tool));
    ArrayNode devices = root.putArray("devices");
    for (BlockDevice device : listing.devices()) {
      writeDevice(devices.addObject(), device);
    }
    ArrayNode withoutMedium = root.putArray("withoutMedium");
    listing.withoutMedium().forEach(withoutMedium::add);
    return root;
  }

  private static void writeDevice(ObjectNode node, BlockDevice device) {
    SourceIdentity identity = device.identity();
    node.put("name", device.name());
    node.put("path", identity.path().toString());
    node.put("nodePresent", device.nodePresent());
    node.put("deviceNumber", identity.deviceNumber().toString());
    node.put("vendor", identity.vendor());
    node.put("model", identity.model());
    node.put("serial", identity.serial());
    node.put("sizeBytes", identity.sizeBytes());
    node.put("sectorCount", identity.sectorCount());
    node.put("logicalSectorSize", identity.logicalSectorSize());
    node.put("physicalSectorSize", identity.physicalSectorSize());
    node.put("removable", identity.removable());
    node.put("rotational", identity.rotational());
    node.put("kernelReadOnly", identity.kernelReadOnly());
    node.put("backingFile", identity.backingFile());
    HiddenAreas hidden = identity.hiddenAreas();
    node.putObject("hiddenAreas")
        .put("available", hidden.available())
        .put("hpaHiddenSectors", hidden.hpaHiddenSectors())
        .put("dcoHiddenSectors", hidden.dcoHiddenSectors())
        .put("detail", hidden.detail());
    writeNames(node.putArray("holders"), device.holders());
    writeMounts(node.putArray("mounts"), device.ownMounts());
    ArrayNode partitions = node.putArray("partitions");
    for (Partition partition : device.partitions()) {
      ObjectNode part = partitions.addObject();
      part.put("name", partition.name());
      part.put("path", partition.path().toString());
      part.put("nodePresent", partition.nodePresent());
      part.put("deviceNumber", partition.deviceNumber().toString());
      part.put("number", partition.number());
      part.put("startLba", partition.startLba(identity.logicalSectorSize()));
      part.put("startBytes", partition.startBytes());
      part.put("sizeBytes", partition.sizeBytes());
      part.put("kernelReadOnly", partition.kernelReadOnly());
      writeNames(part.putArray("holders"), partition.holders());
      writeMounts(part.putArray("mounts"), partition.mounts());
    }
  }

  private static void writeNames(ArrayNode array, List<String> names) {
    names.forEach(array::add);
  }

  private static void writeMounts(ArrayNode array, List<Mount> mounts) {
    for (Mount mount : mounts) {
      array.addObject()
          .put("device", mount.device().toString())
          .put("mountPoint", mount.mountPoint())
          .put("fileSystemType", mount.fileSystemType())
          .put("readOnly", mount.readOnly());
    }
  }
}

package dev.custos.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.partition.Partition;
import dev.custos.partition.PartitionScheme;
import dev.custos.partition.PartitionTable;
import dev.custos.partition.PartitionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The manifest's {@code partitions} member, written and read. Stateless. */
final class PartitionJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PartitionJson() {}

  static ObjectNode tree(Manifest.Partitions recorded) {
    PartitionTable table = recorded.table();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("scheme", table.scheme().id());
    node.put("sectorSize", table.sectorSize());
    node.put("diskId", table.diskId());
    node.put("readFrom", recorded.readFrom());
    ArrayNode partitions = node.putArray("partitions");
    for (Partition partition : table.partitions()) {
      partitions.addObject().put("number", partition.number()).put("firstLba", partition.firstLba())
          .put("sectors", partition.sectors()).put("sizeBytes", partition.sizeBytes()).put("type", partition.type().code())
          .put("typeName", partition.type().name()).put("name", partition.name()).put("guid", partition.guid());
    }
    ArrayNode findings = node.putArray("findings");
    table.findings().forEach(findings::add);
    return node;
  }

  /**
   * The member as recorded (type names as recorded, not looked up again); empty when absent.
   *
   * @throws IllegalArgumentException naming the value, if one is out of range or a size in bytes
   *     is not its sectors times the sector size
   */
  static Optional<Manifest.Partitions> read(JsonNode node) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    int sectorSize = (int) ManifestReader.count(node.path("sectorSize"), "the partition table's sector size", 512, 1 << 30);
    List<Partition> partitions = new ArrayList<>();
    for (JsonNode partition : ManifestReader.array(node.path("partitions"), "the partitions")) {
      Partition read = new Partition((int) ManifestReader.count(partition.path("number"), "a partition's number", 1, 1 << 20),
          ManifestReader.count(partition.path("firstLba"), "a partition's first LBA", 0, Long.MAX_VALUE),
          ManifestReader.count(partition.path("sectors"), "a partition's sectors", 0, Long.MAX_VALUE), sectorSize,
          new PartitionType(ManifestReader.text(partition.path("type"), "a partition's type"),
              ManifestReader.text(partition.path("typeName"), "a partition's type name")),
          ManifestReader.text(partition.path("name"), "a partition's name"),
          ManifestReader.text(partition.path("guid"), "a partition's GUID"));
      long sizeBytes = ManifestReader.count(partition.path("sizeBytes"), "a partition's size", 0, Long.MAX_VALUE);
      if (sizeBytes != read.sizeBytes()) {
        throw new IllegalArgumentException("partition " + read.number() + " is recorded as " + sizeBytes + " bytes, not its "
            + read.sectors() + " sectors of " + sectorSize + " bytes");
      }
      partitions.add(read);
    }
    List<String> findings = new ArrayList<>();
    for (JsonNode finding : ManifestReader.array(node.path("findings"), "the partition table's findings")) {
      findings.add(ManifestReader.text(finding, "a partition table finding"));
    }
    PartitionTable table = new PartitionTable(PartitionScheme.ofId(ManifestReader.text(node.path("scheme"), "the partition scheme")),
        sectorSize, ManifestReader.text(node.path("diskId"), "the disk id"), partitions, findings);
    return Optional.of(new Manifest.Partitions(table, ManifestReader.text(node.path("readFrom"), "what the table was read from")));
  }
}

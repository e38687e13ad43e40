package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.evidence.ToolInfo;
import dev.custos.source.DeviceInventory;
import dev.custos.source.DeviceListing;
import dev.custos.testing.PythonJsonSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicesJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ToolInfo TOOL = new ToolInfo("custos", "0.1.0");

  @TempDir Path work;

  @Test
  void toText_richListing_membersInOrderExactIntegersNullsForUnknown() throws IOException {
    JsonNode root = MAPPER.readTree(DevicesJson.toText(SampleListings.rich(), TOOL));

    assertThat(fieldNames(root)).containsExactly("formatVersion", "tool", "devices", "withoutMedium");
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    JsonNode loop = root.get("devices").get(0);
    assertThat(fieldNames(loop)).containsExactly("name", "path", "nodePresent", "deviceNumber", "vendor", "model",
        "serial", "sizeBytes", "sectorCount", "logicalSectorSize", "physicalSectorSize", "removable", "rotational",
        "kernelReadOnly", "backingFile", "hiddenAreas", "holders", "mounts", "partitions");
    assertThat(loop.get("path").asText()).isEqualTo("/dev/loop3");
    assertThat(loop.get("sizeBytes").isIntegralNumber()).isTrue();
    assertThat(loop.get("sizeBytes").asLong()).isEqualTo(4_194_304L);
    assertThat(loop.get("kernelReadOnly").asBoolean()).isTrue();
    assertThat(loop.get("vendor").isNull()).isTrue();
    assertThat(loop.get("backingFile").asText()).isEqualTo("/evidence/floppy.ima");
    assertThat(loop.get("hiddenAreas").get("available").asBoolean()).isFalse();
    assertThat(loop.get("hiddenAreas").get("hpaHiddenSectors").isNull()).isTrue();
    assertThat(loop.get("hiddenAreas").get("detail").asText()).isEqualTo("loop device");

    JsonNode sda = root.get("devices").get(1);
    assertThat(sda.get("sizeBytes").asLong()).isEqualTo(999_131_144_192L);
    assertThat(sda.get("sectorCount").asLong()).isEqualTo(1_951_428_016L);
    assertThat(sda.get("hiddenAreas").get("hpaHiddenSectors").asLong()).isEqualTo(2_097_152L);
    assertThat(sda.get("mounts")).isEmpty();
    JsonNode sda2 = sda.get("partitions").get(1);
    assertThat(fieldNames(sda2)).containsExactly("name", "path", "nodePresent", "deviceNumber", "number", "startLba",
        "startBytes", "sizeBytes", "kernelReadOnly", "holders", "mounts");
    assertThat(sda2.get("startLba").asLong()).isEqualTo(1_026_048L);
    assertThat(sda2.get("startBytes").asLong()).isEqualTo(525_336_576L);
    assertThat(sda2.get("mounts").get(0).get("mountPoint").asText()).isEqualTo("/mnt/scratch");
    assertThat(sda2.get("mounts").get(0).get("readOnly").asBoolean()).isFalse();
    assertThat(root.get("withoutMedium")).extracting(JsonNode::asText).containsExactly("loop0", "zram0");
  }

  @Test
  void toText_twoSpaceIndentFinalNewline() {
    String text = DevicesJson.toText(SampleListings.rich(), TOOL);

    assertThat(text).startsWith("{\n  \"formatVersion\": 1,\n  \"tool\": {\n    \"name\": \"custos\",").endsWith("}\n");
  }

  @Test
  void schema_richListing_validForNetworkntAndPythonJsonschema() {
    String text = DevicesJson.toText(SampleListings.rich(), TOOL);

    assertThat(DevicesSchema.networkntViolations(DevicesJson.toTree(SampleListings.rich(), TOOL))).isEmpty();
    PythonJsonSchema.Result python = DevicesSchema.pythonValidate(text, work);
    assertThat(python.valid()).as(python.output()).isTrue();
  }

  @Test
  void schema_thisSystemsListing_validForNetworkntAndPythonJsonschema() throws IOException {
    DeviceListing listing = DeviceInventory.system(DeviceInventory.ataHiddenAreaProbe()).list();
    String text = DevicesJson.toText(listing, ToolInfo.current());

    assertThat(DevicesSchema.networkntViolations(MAPPER.readTree(text))).isEmpty();
    PythonJsonSchema.Result python = DevicesSchema.pythonValidate(text, work);
    assertThat(python.valid()).as(python.output()).isTrue();
  }

  @Test
  void schema_brokenDocuments_rejectedByBothValidators() {
    List<ObjectNode> broken = new ArrayList<>();
    ObjectNode negativeSize = DevicesJson.toTree(SampleListings.rich(), TOOL);
    ((ObjectNode) negativeSize.get("devices").get(0)).put("sizeBytes", -1);
    broken.add(negativeSize);
    ObjectNode missingSerial = DevicesJson.toTree(SampleListings.rich(), TOOL);
    ((ObjectNode) missingSerial.get("devices").get(1)).remove("serial");
    broken.add(missingSerial);
    ObjectNode guessedHiddenArea = DevicesJson.toTree(SampleListings.rich(), TOOL);
    ((ObjectNode) guessedHiddenArea.get("devices").get(0).get("hiddenAreas")).put("hpaHiddenSectors", 0);
    broken.add(guessedHiddenArea);
    ObjectNode oddSectorSize = DevicesJson.toTree(SampleListings.rich(), TOOL);
    ((ObjectNode) oddSectorSize.get("devices").get(1)).put("logicalSectorSize", 520);
    broken.add(oddSectorSize);
    ObjectNode unknownVersion = DevicesJson.toTree(SampleListings.rich(), TOOL);
    unknownVersion.put("formatVersion", 2);
    broken.add(unknownVersion);

    for (ObjectNode document : broken) {
      assertThat(DevicesSchema.networkntViolations(document)).as(document.toString()).isNotEmpty();
      assertThat(DevicesSchema.pythonValidate(document.toString(), work).valid()).as(document.toString()).isFalse();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

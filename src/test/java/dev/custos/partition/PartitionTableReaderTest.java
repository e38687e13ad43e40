package dev.custos.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tables of images sfdisk made (test-fixtures/partitions/make-partition-tables.sh) read as
 * sfdisk and The Sleuth Kit's mmls read them: their outputs were recorded when the images were made.
 */
class PartitionTableReaderTest {
  static Stream<Arguments> fixtures() {
    return Stream.of(Arguments.of("mbr-512", 512), Arguments.of("mbr-4096", 4096), Arguments.of("gpt-512", 512),
        Arguments.of("gpt-4096", 4096));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void read_imageSfdiskMade_sameSchemeIdAndPartitionsAsSfdisk(String name, int sectorSize) throws IOException {
    JsonNode sfdisk = new ObjectMapper().readTree(ByteMedia.FIXTURES.resolve(name + ".sfdisk.json").toFile()).path("partitiontable");

    PartitionTable table = PartitionTableReader.read(ByteMedia.fixture(name), sectorSize);

    assertThat(table.scheme().id()).isEqualTo(sfdisk.path("label").asText().equals("dos") ? "mbr" : "gpt");
    assertThat(table.sectorSize()).isEqualTo(sfdisk.path("sectorsize").asInt());
    assertThat(table.diskId()).isEqualToIgnoringCase(sfdisk.path("id").asText());
    assertThat(table.findings()).isEmpty();
    List<String> expected = new ArrayList<>();
    for (JsonNode partition : sfdisk.path("partitions")) {
      String node = partition.path("node").asText();
      String type = partition.path("type").asText();
      expected.add(node.replaceAll(".*\\D", "") + " " + partition.path("start").asLong() + " "
          + partition.path("size").asLong() + " " + (type.length() <= 2 ? String.format(Locale.ROOT, "0x%02x",
              Integer.parseInt(type, 16)) : type) + " " + partition.path("name").asText("") + " " + partition.path("uuid").asText(""));
    }
    assertThat(table.partitions()).extracting(p -> p.number() + " " + p.firstLba() + " " + p.sectors() + " " + p.type().code()
        + " " + p.name() + " " + p.guid()).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void read_imageSfdiskMade_partitionsWhereMmlsFindsThem(String name, int sectorSize) throws IOException {
    List<String> mmls = new ArrayList<>();
    for (String line : Files.readAllLines(ByteMedia.FIXTURES.resolve(name + ".mmls.txt"), StandardCharsets.UTF_8)) {
      String[] columns = line.trim().split("\\s+", 6);
      // Partitions are the slots that are neither "Meta" (tables, extended containers) nor "-------" (unallocated).
      if (columns.length >= 5 && columns[0].matches("\\d+:") && columns[1].matches("\\d+(:\\d+)?")) {
        mmls.add(Long.parseLong(columns[2]) + "+" + Long.parseLong(columns[4]));
      }
    }

    PartitionTable table = PartitionTableReader.read(ByteMedia.fixture(name), sectorSize);

    assertThat(table.partitions()).filteredOn(p -> !p.type().isExtended()).extracting(p -> p.firstLba() + "+" + p.sectors())
        .containsExactlyInAnyOrderElementsOf(mmls);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gpt-512", "gpt-4096"})
  void read_gptGivenAnotherSectorSize_findsTheHeaderWhereItIs(String name) throws IOException {
    int other = name.endsWith("4096") ? 512 : 4096;

    PartitionTable table = PartitionTableReader.read(ByteMedia.fixture(name), other);

    assertThat(table.sectorSize()).isEqualTo(other == 512 ? 4096 : 512);
    assertThat(table.findings()).isEmpty();
  }
}

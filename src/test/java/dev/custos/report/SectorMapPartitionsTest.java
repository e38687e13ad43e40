package dev.custos.report;

import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sector map of a partitioned drive shows its partitions: the legend under the map names each
 * one with the LBAs its table gives, as {@code sfdisk -J} reads them from the very image acquired
 * (test-fixtures/partitions/), on the page of the map ({@code pdftotext -layout -f N -l N}).
 */
class SectorMapPartitionsTest {
  private static final Pattern LEGEND = Pattern.compile("^\\s*(\\d+)\\s+.*LBA (\\d+)\u2013(\\d+) \u00b7 ");

  @TempDir Path temp;

  /** The 512-byte-sector images as files; the 4096-byte ones on a 4Kn loop device (root), their LBAs in 4096-byte sectors. */
  @ParameterizedTest
  @ValueSource(strings = {"gpt-512", "mbr-512", "gpt-4096", "mbr-4096"})
  void sectorMapLegend_everyPartitionWithTheLbasSfdiskGives(String fixture) throws IOException {
    Path image = gunzip(Path.of("test-fixtures/partitions/" + fixture + ".img.gz"), temp.resolve(fixture + ".img"));
    Path source = image;
    if (fixture.endsWith("-4096")) {
      LoopDevice.assumeLoopDevices();
      source = Path.of(ok("losetup", "-r", "-f", "--show", "--sector-size", "4096", image.toString()).strip());
    }
    Path out = temp.resolve("evidence");
    Map<Integer, String> expected;
    try {
      expected = sfdisk(source);
      Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
          "--examiner", "Jane Doe", "--unsigned");
      assertThat(run.exitCode()).as(run.err()).isZero();
    } finally {
      if (!source.equals(image)) {
        ExternalTool.run(List.of("blockdev", "--setrw", source.toString()));
        ExternalTool.run(List.of("losetup", "-d", source.toString()));
      }
    }

    List<String> mapPage = pageWith(out.resolve("report.pdf"), "Sector map");
    Map<Integer, String> legend = new LinkedHashMap<>();
    boolean inLegend = false;
    for (String line : mapPage.subList(mapPage.indexOf("Sector map"), mapPage.size())) {
      inLegend |= line.contains("LBAs are the partition table's own sectors");
      Matcher entry = LEGEND.matcher(line);
      if (inLegend && entry.find()) {
        legend.put(Integer.parseInt(entry.group(1)), entry.group(2) + "-" + entry.group(3));
      }
    }

    assertThat(expected).isNotEmpty();
    assertThat(legend).as("the legend under the map, on its page:\n%s", String.join("\n", mapPage)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void sectorMap_partitionWhollyPastTheSourcesEnd_notDrawnAtItsEdgeButSaid() throws IOException {
    // 8192 sectors; the MBR's partition 2 begins at LBA 100000: drawn at the map's right edge, it read as the disk's last sectors.
    byte[] disk = new byte[4 * 1024 * 1024];
    java.nio.ByteBuffer mbr = java.nio.ByteBuffer.wrap(disk).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    mbr.put(446 + 4, (byte) 0x83).putInt(446 + 8, 2048).putInt(446 + 12, 4096);
    mbr.put(462 + 4, (byte) 0x07).putInt(462 + 8, 100000).putInt(462 + 12, 1000);
    disk[510] = 0x55;
    disk[511] = (byte) 0xaa;
    Path image = Files.write(temp.resolve("past-the-end.img"), disk);
    Path out = temp.resolve("evidence");

    Cli.Run run = Cli.run("acquire", "image", image.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String legend = String.join(" ", pageWith(out.resolve("report.pdf"), "Sector map"));
    assertThat(legend).contains("1 Linux \u00b7 LBA 2048\u20136143 \u00b7 2097152 bytes (2.10 MB) ")
        .contains("LBA 100000\u2013100999 \u00b7 512000 bytes (512.00 kB) \u00b7 wholly past the end of the source: not on the map");
  }

  /** Partition number to {@code first-last} LBA, from {@code sfdisk -J}. */
  private static Map<Integer, String> sfdisk(Path image) throws IOException {
    JsonNode table = new ObjectMapper().readTree(ok("sfdisk", "-J", image.toString())).path("partitiontable");
    Map<Integer, String> partitions = new LinkedHashMap<>();
    for (JsonNode partition : table.path("partitions")) {
      String node = partition.path("node").asText();
      long start = partition.path("start").asLong();
      long size = partition.path("size").asLong();
      partitions.put(Integer.parseInt(node.replaceAll(".*\\D", "")), start + "-" + (start + size - 1));
    }
    return partitions;
  }

  /** The lines of the first page holding a line that is exactly {@code line}. */
  private static List<String> pageWith(Path pdf, String line) {
    Matcher count = Pattern.compile("Pages:\\s+(\\d+)").matcher(ok("pdfinfo", pdf.toString()));
    assertThat(count.find()).isTrue();
    for (int page = 1; page <= Integer.parseInt(count.group(1)); page++) {
      String number = Integer.toString(page);
      List<String> lines = ok("pdftotext", "-layout", "-f", number, "-l", number, pdf.toString(), "-").lines()
          .map(String::strip).toList();
      if (lines.contains(line)) {
        return lines;
      }
    }
    throw new AssertionError("no page of " + pdf + " has a line " + line);
  }

  private static Path gunzip(Path gz, Path to) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      Files.copy(in, to);
    }
    return to;
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.FailingDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real failing block device (FUSE file returning EIO, attached read-only to a loop device):
 * unreadable sectors become zeros and recorded ranges, everything else is acquired, and the run
 * completes.
 */
class AcquireFailingDeviceTest {
  private static final int SECTOR = 512;

  @TempDir Path temp;

  @Test
  void image_unreadableSectors_zeroFilledRecordedExactlyAndRestAcquired() throws IOException {
    long size = 4L << 20;
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), size, 99);
    // Bad byte ranges on the 4 KiB error unit: the first unit (LBA 0), one mid-block, a run across a
    // 1 MiB block boundary, and the very last unit.
    List<long[]> bad = List.of(
        new long[] {0, 4096},
        new long[] {12288, 4096},
        new long[] {(1L << 20) - 4096, 12288},
        new long[] {size - 4096, 4096});
    List<String> ranges = new ArrayList<>();
    for (long[] range : bad) {
      ranges.add(range[0] + ":" + range[1]);
    }
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attach(backing, temp.resolve("fuse"), ranges)) {

      Cli.Run run = Cli.run("acquire", "image", device.path().toString(), "--out", out.toString(),
          "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--retries", "1", "--unsigned");

      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    JsonNode manifest = Evidence.manifest(out);
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    List<String> recorded = new ArrayList<>();
    manifest.path("badSectors").path("ranges").forEach(r -> recorded.add(r.path("firstLba").asLong() + "+" + r.path("count").asLong()));
    assertThat(recorded).containsExactly("0+8", "24+8", "2040+24", ((size / SECTOR) - 8) + "+8");
    assertThat(manifest.path("badSectors").path("sectorCount").asLong()).isEqualTo(48);
    assertThat(manifest.path("parameters").path("errorGranularity").asInt()).isEqualTo(SECTOR);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertReadErrorsRecordedInCustody(out, recorded);
    String report = dev.custos.testing.ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-")
        .replaceAll("\\s+", " ");
    assertThat(report).contains("COMPLETED: every sector was tried; 48 sectors in 4 ranges could not be read (zero-")
        .doesNotContain("every sector of the source was read");

    byte[] source = Files.readAllBytes(backing);
    byte[] image = Files.readAllBytes(out.resolve("image.ima"));
    assertThat(image).hasSize(source.length);
    byte[] expected = source.clone();
    for (long[] range : bad) {
      Arrays.fill(expected, (int) range[0], (int) (range[0] + range[1]), (byte) 0);
    }
    for (int sector = 0; sector < source.length / SECTOR; sector++) {
      int from = sector * SECTOR;
      if (!Arrays.equals(expected, from, from + SECTOR, image, from, from + SECTOR)) {
        throw new AssertionError("sector " + sector + " of the image differs from what was readable");
      }
    }
  }

  /** The custody log's read-errors events, taken together, name exactly the ranges of the manifest. */
  private static void assertReadErrorsRecordedInCustody(Path out, List<String> manifestRanges) {
    List<String> logged = new ArrayList<>();
    for (JsonNode event : Evidence.custodyEvents(out)) {
      if (event.path("type").asText().equals("read-errors")) {
        event.path("data").path("ranges").forEach(r -> logged.add(r.path("firstLba").asLong() + "+" + r.path("count").asLong()));
      }
    }
    assertThat(logged).isEqualTo(manifestRanges);
    assertThat(Cli.run("report", "custody", out.toString()).exitCode()).isZero();
  }
}

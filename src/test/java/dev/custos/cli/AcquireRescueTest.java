package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
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
 * The rescue of a real failing device, good data first (a read-only loop device in direct-I/O
 * mode over a FUSE file whose failing reads are slow, as a dying drive's are): the time limit ends
 * the rescue and says so, and the good data is all in the image first.
 */
class AcquireRescueTest {
  private static final int SECTOR = 512;
  private static final long SIZE = 16L << 20;

  @TempDir Path temp;

  @Test
  void timeLimit_slowDeadZone_everyReadableSectorInTheImageAndTheRestRecordedNotTriedToTheEnd() throws IOException {
    // 600 sectors, each failing read taking 30 ms: scraping them all would take 18 s; the limit is 2 s.
    long zone = (5L << 20) + 8 * SECTOR;
    long zoneBytes = 600L * SECTOR;
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 23);
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), "--delay-ms", "30",
        "--bad", zone + ":" + zoneBytes)) {
      Cli.Run run = Cli.run("acquire", "image", device.path().toString(), "--out", out.toString(), "--case", "C-1",
          "--evidence", "E-1", "--examiner", "Jane Doe", "--retries", "2", "--rescue-time-limit", "2s", "--unsigned");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("the time limit (2.000 s) ended the rescue");
    }

    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    JsonNode rescue = manifest.path("rescue");
    assertThat(rescue.path("timeLimitReached").asBoolean()).isTrue();
    assertThat(rescue.path("timeLimitMs").asLong()).isEqualTo(2000);
    List<String> states = new ArrayList<>();
    long unreadBytes = 0;
    for (JsonNode area : rescue.path("unread")) {
      states.add(area.path("state").asText());
      unreadBytes += area.path("bytes").asLong();
      long from = area.path("firstLba").asLong() * SECTOR;
      assertThat(from).as("unread only inside the dead zone").isBetween(zone, zone + zoneBytes - 1);
      assertThat(from + area.path("bytes").asLong()).isLessThanOrEqualTo(zone + zoneBytes);
    }
    assertThat(states).as("the limit came while failed sectors were still to scrape").contains("non-scraped");
    assertThat(unreadBytes).isEqualTo(manifest.path("badSectors").path("sectorCount").asLong() * SECTOR).isEqualTo(zoneBytes);

    byte[] source = Files.readAllBytes(backing);
    byte[] image = Files.readAllBytes(out.resolve("image.ima"));
    byte[] expected = source.clone();
    Arrays.fill(expected, (int) zone, (int) (zone + zoneBytes), (byte) 0);
    assertThat(Arrays.equals(expected, image)).as("every readable sector as the source's, the dead zone zero").isTrue();
    assertThat(ExternalTool.digestOf("sha256sum", out.resolve("image.ima"))).isEqualTo(manifest.path("digests").path("sha256").asText());
    String report = ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).contains("COMPLETED WITHIN THE RESCUE'S TIME LIMIT").contains("non-scraped").contains("digest-catch-up")
        .doesNotContain("every sector was tried");
    assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
  }
}

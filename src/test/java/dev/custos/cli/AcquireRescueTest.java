package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    Cli.Run verify = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.out()).as("the verdict says what it does not cover").contains("WARNING: " + "acquisition.json: 600 sectors of the "
        + "source could not be read: the image holds zeros there").contains("were not tried to the end: the rescue's time limit ended it");
  }

  /**
   * kill -9 in each phase of the rescue, then {@code acquire resume}: the image, the unread
   * areas and the digests are those of a run that was never interrupted. The failing reads are
   * slow (250 ms), so each phase lasts long enough to be killed in: a 24-sector dead zone at the
   * start of block 3 (the copy pass fails there and skips block 4), a bad sector in block 4 (the
   * backwards pass fails there), so that trimming, scraping and a retry pass each meet failing reads.
   */
  @ParameterizedTest(name = "killed in {0}")
  @ValueSource(strings = {"copy", "copy-backwards", "trim", "scrape", "retry-1"})
  void kill9InAPhase_thenResume_sameImageUnreadAreasAndDigestsAsAnUninterruptedRun(String phase) throws Exception {
    long zone = (3L << 20) + 16 * SECTOR;
    long zoneBytes = 24L * SECTOR;
    long single = (4L << 20) + 200 * SECTOR;
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 29);
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), "--delay-ms", "250",
        "--bad", zone + ":" + zoneBytes, "--bad", single + ":" + SECTOR)) {
      CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", device.path().toString(),
          "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned",
          "--retries", "1", "--piece-size", "1MiB");
      boolean reached = phase.equals("copy")
          ? acquisition.awaitFileSize(out.resolve("image.ima"), (3L << 20) + (1L << 20)) // the failed block 3 written as zeros
          : acquisition.awaitError("rescue: " + phase + ",");
      assertThat(reached).as("reached %s: %s", phase, acquisition.stderr()).isTrue();
      acquisition.signal("KILL");
      assertThat(acquisition.exitCode()).isEqualTo(137);

      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    }

    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    List<String> unread = new ArrayList<>();
    manifest.path("rescue").path("unread").forEach(area -> unread.add(area.path("firstLba").asLong() + "+"
        + area.path("count").asLong() + " " + area.path("state").asText() + " " + area.path("error").asText()));
    assertThat(unread).containsExactly(zone / SECTOR + "+24 bad-sector EIO", single / SECTOR + "+1 bad-sector EIO");
    byte[] expected = Files.readAllBytes(backing);
    Arrays.fill(expected, (int) zone, (int) (zone + zoneBytes), (byte) 0);
    Arrays.fill(expected, (int) single, (int) single + SECTOR, (byte) 0);
    assertThat(Arrays.equals(expected, Files.readAllBytes(out.resolve("image.ima")))).as("the image as an uninterrupted run's").isTrue();
    assertThat(ExternalTool.digestOf("md5sum", out.resolve("image.ima"))).isEqualTo(manifest.path("digests").path("md5").asText());
    assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
  }

  /**
   * A split image: the rescue puts the sectors it reads late into segments the copy pass has
   * already sealed (made read-only), which are opened again for that and sealed anew.
   */
  @Test
  void splitImage_sectorsRescuedIntoSealedSegments_segmentsAreTheSourceAndReadOnly() throws IOException {
    long bad = (2L << 20) + 40 * SECTOR;
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), 8L << 20, 31);
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attach(backing, temp.resolve("fuse"), List.of(bad + ":" + SECTOR))) {
      Cli.Run run = Cli.run("acquire", "image", device.path().toString(), "--out", out.toString(), "--case", "C-1",
          "--evidence", "E-1", "--examiner", "Jane Doe", "--format", "split", "--segment-size", "1MiB", "--unsigned");
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    byte[] expected = Files.readAllBytes(backing);
    Arrays.fill(expected, (int) bad, (int) bad + SECTOR, (byte) 0);
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    for (int segment = 1; segment <= 8; segment++) {
      Path file = out.resolve(String.format(java.util.Locale.ROOT, "image.%03d", segment));
      joined.write(Files.readAllBytes(file));
      assertThat(Files.getPosixFilePermissions(file)).as(file + " sealed read-only").noneMatch(p -> p.name().endsWith("WRITE"));
    }
    assertThat(Arrays.equals(expected, joined.toByteArray())).as("the segments, joined, are the source but the bad sector").isTrue();
    JsonNode manifest = Evidence.manifest(out);
    assertThat(manifest.path("badSectors").path("ranges").get(0).path("firstLba").asLong()).isEqualTo(bad / SECTOR);
    assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
  }

  /**
   * The digests of a rescued acquisition are computed over the image once the rescue is over. A
   * byte of the image changed meanwhile (here with {@code dd conv=notrunc}, while the dead zone
   * is scraped) must not be digested and signed as read from the source: the acquisition fails,
   * saying so, and records no digest.
   */
  @Test
  void imageChangedWhileTheRescueRuns_acquisitionFailsAndRecordsNoDigest() throws Exception {
    long zone = (3L << 20) + 16 * SECTOR;
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 37);
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), "--delay-ms", "250",
        "--bad", zone + ":" + 40 * SECTOR)) {
      CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", device.path().toString(),
          "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--retries", "0");
      assertThat(acquisition.awaitError("rescue: scrape,")).as(acquisition.stderr()).isTrue();
      Path other = Files.write(temp.resolve("other-byte"), new byte[] {(byte) ~Files.readAllBytes(backing)[10 << 20]});
      ExternalTool.ok("dd", "if=" + other, "of=" + out.resolve("image.ima"), "bs=1", "count=1", "seek=" + (10L << 20),
          "conv=notrunc", "status=none");

      assertThat(acquisition.exitCode()).as(acquisition.stderr()).isEqualTo(3);
      assertThat(acquisition.stderr()).contains("the image changed while the rescue ran")
          .contains("its digests would not be of what was read from the source");
    }
    JsonNode manifest = Evidence.manifest(out);
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
    assertThat(manifest.path("digests").size()).as("no whole-image digest recorded").isZero();
    assertThat(manifest.path("outcome").path("bytesAcquired").asLong()).as("only what the digests saw as read: up to the failed block")
        .isEqualTo(3L << 20);
  }
}

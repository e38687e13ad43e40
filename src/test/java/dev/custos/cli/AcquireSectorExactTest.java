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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unit of a bad range is the device's logical sector, on a real failing block device (a
 * read-only loop device in direct-I/O mode over a FUSE file that fails chosen sectors): every
 * readable sector is in the image, exactly the unreadable ones are zero, and the manifest names
 * exactly those. GNU ddrescue, run on the same device, is the reference: every sector its mapfile
 * marks rescued, Custos has too.
 */
class AcquireSectorExactTest {
  /** 32 MiB: a dead zone of 2,500 sectors fits beside the other bad sectors at 4096 bytes a sector too. */
  private static final long SIZE = 32L << 20;

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}-byte sectors")
  @ValueSource(ints = {512, 4096})
  void image_failingSectors_exactlyThoseZeroAndRecorded_everySectorDdrescueRescuedAcquired(int sectorSize) throws IOException {
    long lastLba = SIZE / sectorSize - 1;
    // {first LBA, count}: the first sector, one alone, two across a 4 KiB (and at 512, a 1 MiB)
    // boundary, a dead zone of thousands of sectors, the last sector.
    List<long[]> bad = List.of(new long[] {0, 1}, new long[] {1025, 1}, new long[] {2047, 2}, new long[] {5000, 2500},
        new long[] {lastLba, 1});
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 17);
    List<String> options = new ArrayList<>(List.of("--sector-size", Integer.toString(sectorSize)));
    for (long[] range : bad) {
      options.add("--bad");
      options.add(range[0] * sectorSize + ":" + range[1] * sectorSize);
    }
    Path out = temp.resolve("evidence");
    List<long[]> rescuedByDdrescue;
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), options.toArray(String[]::new))) {
      assertThat(ExternalTool.ok("blockdev", "--getss", device.path().toString()).strip()).isEqualTo(Integer.toString(sectorSize));

      Cli.Run run = Cli.run("acquire", "image", device.path().toString(), "--out", out.toString(), "--case", "C-1",
          "--evidence", "E-1", "--examiner", "Jane Doe", "--retries", "1", "--unsigned");
      assertThat(run.exitCode()).as(run.err()).isZero();

      rescuedByDdrescue = ddrescue(device.path(), sectorSize);
    }

    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    assertThat(manifest.path("parameters").path("errorGranularity").asInt()).isEqualTo(sectorSize);
    List<String> recorded = new ArrayList<>();
    manifest.path("badSectors").path("ranges").forEach(r -> recorded.add(r.path("firstLba").asLong() + "+" + r.path("count").asLong()));
    assertThat(recorded).containsExactlyElementsOf(bad.stream().map(r -> r[0] + "+" + r[1]).toList());

    assertThat(Files.getPosixFilePermissions(out.resolve("image.ima"))).as("sealed read-only after the rescue wrote into it")
        .noneMatch(permission -> permission.name().endsWith("WRITE"));
    byte[] source = Files.readAllBytes(backing);
    byte[] image = Files.readAllBytes(out.resolve("image.ima"));
    byte[] expected = source.clone();
    for (long[] range : bad) {
      Arrays.fill(expected, (int) (range[0] * sectorSize), (int) ((range[0] + range[1]) * sectorSize), (byte) 0);
    }
    for (long lba = 0; lba <= lastLba; lba++) {
      int from = (int) (lba * sectorSize);
      if (!Arrays.equals(expected, from, from + sectorSize, image, from, from + sectorSize)) {
        throw new AssertionError("LBA " + lba + " of the image is not the source's readable sector, nor zero where unreadable");
      }
    }
    for (long[] rescued : rescuedByDdrescue) {
      for (long at = rescued[0]; at < rescued[0] + rescued[1]; at += sectorSize) {
        if (!Arrays.equals(source, (int) at, (int) at + sectorSize, image, (int) at, (int) at + sectorSize)) {
          throw new AssertionError("ddrescue rescued LBA " + at / sectorSize + ", Custos did not");
        }
      }
    }
    // The digests were computed over the image as it ended (the rescue filled in the failed blocks
    // after the copy pass), as md5sum and sha256sum of the image file say, and verify agrees.
    assertThat(manifest.path("digests").size()).isPositive();
    manifest.path("digests").properties().forEach(digest -> assertThat(ExternalTool.digestOf(digest.getKey() + "sum",
        out.resolve("image.ima"))).as(digest.getKey() + "sum").isEqualTo(digest.getValue().asText()));
    assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
    assertThat(manifest.path("rescue").path("unread")).allSatisfy(area -> {
      assertThat(area.path("state").asText()).isEqualTo("bad-sector");
      assertThat(area.path("error").asText()).isEqualTo("EIO");
    });
    assertThat(rescuedByDdrescue.stream().mapToLong(r -> r[1]).sum())
        .as("ddrescue rescued everything but the injected sectors")
        .isEqualTo(SIZE - bad.stream().mapToLong(r -> r[1] * sectorSize).sum());
  }

  /** Runs GNU ddrescue (direct, one sector per read, one retry) and returns its rescued areas as {byte offset, length}. */
  private List<long[]> ddrescue(Path device, int sectorSize) throws IOException {
    ExternalTool.assumeInstalled("ddrescue");
    Path map = temp.resolve("ddrescue.map");
    ExternalTool.ok("ddrescue", "-q", "-d", "-b", Integer.toString(sectorSize), "-r1", device.toString(),
        temp.resolve("ddrescue.img").toString(), map.toString());
    List<long[]> rescued = new ArrayList<>();
    boolean statusLineSeen = false;
    for (String line : Files.readAllLines(map)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (!statusLineSeen) {
        statusLineSeen = true; // current_pos current_status current_pass
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (fields[2].equals("+")) {
        rescued.add(new long[] {Long.decode(fields[0]), Long.decode(fields[1])});
      }
    }
    return rescued;
  }
}

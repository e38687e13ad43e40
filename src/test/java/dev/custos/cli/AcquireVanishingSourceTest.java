package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import dev.custos.testing.InBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that goes away while it is read — the drive pulled, its bridge reset, its daemon dead —
 * on a real loop device over the FUSE failing file: the acquisition stops at once with one line
 * naming the source and the byte, exit 3, keeps what it read, and records how far it got; it does
 * not take the lost drive for one huge bad region.
 */
class AcquireVanishingSourceTest {
  private static final long SIZE = 16L << 20;
  private static final long BLOCK = 1L << 20;
  /** Pages of one block: a lost source costs about one block's failed reads, not the rest of the drive's. */
  private static final int PAGES_PER_BLOCK = (int) (BLOCK / 4096);
  private static final Pattern STOPPED = Pattern.compile(
      "^acquire image: source (/dev/loop\\d+) stopped answering at byte (\\d+): sectors that read fine before .* now fail too"
          + " \\(Input/output error\\), so the drive is gone \\(removed, reset or disconnected\\), not damaged"
          + " \\(the (\\d+) bytes acquired are kept; acquisition.json records the failure\\)$");

  @TempDir Path temp;

  @Test
  void image_sourceVanishesMidRead_stopsAtOnceKeepsPrefixRecordsHowFarAndReadsAgainWhenBack() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 21);
    long vanishAt = (6L << 20) + 12288;
    Path out = temp.resolve("evidence");
    // Failing reads take 5 ms, as a drive's timeouts would take far longer: taking the lost drive
    // for bad sectors would cost (10 MiB / 4 KiB units) x 4 tries x 5 ms, over 50 s.
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"),
        "--vanish-at", Long.toString(vanishAt), "--delay-ms", "5")) {
      long started = System.nanoTime();

      Cli.Run run = acquire(device.path(), out);

      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(device.hasVanished()).as("the device vanished during the run").isTrue();
      long acquired = assertStoppedAndRecorded(run, device.path(), backing, out);
      assertThat(acquired).as("stopped at the block the device vanished in, or the one before (read-ahead)")
          .isBetween(vanishAt / BLOCK * BLOCK - BLOCK, vanishAt / BLOCK * BLOCK);
      assertThat(device.failedReads()).as("failed reads before stopping, %d s", seconds).isLessThan(2 * PAGES_PER_BLOCK + 64);

      device.comeBack();
      assertThat(ExternalTool.identical(backing, device.path())).as("back, the device reads as before").isTrue();

      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(ExternalTool.identical(backing, out.resolve("image.ima"))).as("resumed: image = source (cmp)").isTrue();
      assertThat(Evidence.manifest(out).path("digests").path("md5").asText()).isEqualTo(ExternalTool.digestOf("md5sum", backing));
      assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).as("everything verifies").isZero();
    }
  }

  @Test
  void image_deviceDaemonKilledMidRead_stopsKeepsPrefixAndRecordsHowFar() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 22);
    Path out = temp.resolve("evidence");
    // 5 ms a 128 KiB read: about 25 MB/s, time to act while it runs.
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), "--read-delay-ms", "5");
        InBackground acquisition = InBackground.start(acquireArgs(device.path(), out))) {
      acquisition.awaitSize(out.resolve("image.ima"), 4L << 20, 60);

      device.killDaemon();
      Cli.Run run = acquisition.result(60);

      long acquired = assertStoppedAndRecorded(run, device.path(), backing, out);
      assertThat(acquired).isGreaterThanOrEqualTo(4L << 20).isLessThan(SIZE);
    }
  }

  /**
   * What Linux does with {@code losetup -d} on a loop device that is being read: it only sets
   * autoclear and detaches once the last opener closes it, so the acquisition reads on to the end
   * and the image is whole.
   */
  @Test
  void image_loopDeviceDetachedWhileAcquiring_kernelDefersTheDetachAndTheImageCompletes() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 23);
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), "--read-delay-ms", "5");
        InBackground acquisition = InBackground.start(acquireArgs(device.path(), out))) {
      acquisition.awaitSize(out.resolve("image.ima"), 2L << 20, 60);

      ExternalTool.ok("losetup", "-d", device.path().toString());
      String during = ExternalTool.ok("losetup", "-n", "-O", "AUTOCLEAR", "-l", device.path().toString()).strip();
      Cli.Run run = acquisition.result(60);

      assertThat(during).as("detach deferred: autoclear set").isEqualTo("1");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(ExternalTool.identical(backing, out.resolve("image.ima"))).isTrue();
      assertThat(Evidence.manifest(out).path("outcome").path("status").asText()).isEqualTo("completed");
      String backingFile = temp.resolve("fuse/mnt/disk.img").toAbsolutePath().toString();
      assertThat(ExternalTool.ok("losetup", "-j", backingFile).strip()).as("detached once Custos closed it").isEmpty();
    }
  }

  private static Cli.Run acquire(Path device, Path out) {
    return Cli.run(acquireArgs(device, out));
  }

  private static String[] acquireArgs(Path device, Path out) {
    return new String[] {"acquire", "image", device.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned"};
  }

  /** Exit 3 and one line naming source and byte; the image is the source's prefix; manifest and custody agree; returns the bytes acquired. */
  private static long assertStoppedAndRecorded(Cli.Run run, Path device, Path backing, Path out) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    List<String> lines = run.err().lines().filter(line -> !line.startsWith("progress:")).toList();
    assertThat(lines).as(run.err()).hasSize(1);
    Matcher line = STOPPED.matcher(lines.get(0));
    assertThat(line.matches()).as(lines.get(0)).isTrue();
    assertThat(line.group(1)).isEqualTo(device.toString());
    long acquired = Long.parseLong(line.group(2));
    assertThat(line.group(3)).isEqualTo(Long.toString(acquired));
    assertThat(acquired % BLOCK).isZero();

    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
    assertThat(manifest.path("outcome").path("bytesAcquired").asLong()).isEqualTo(acquired);
    assertThat(manifest.path("outcome").path("reason").asText()).contains("stopped answering at byte " + acquired);
    assertThat(manifest.path("badSectors").path("sectorCount").asLong()).as("a lost drive is not bad sectors").isZero();
    assertThat(manifest.path("image").path("sizeBytes").asLong()).isEqualTo(acquired);
    Path image = out.resolve("image.ima");
    assertThat(image).hasSize(acquired);
    assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(acquired), backing.toString(), image.toString())).exitCode())
        .as("image = source prefix").isZero();
    assertThat(Files.exists(out.resolve(".custos-reserve"))).isFalse();

    List<JsonNode> custody = Evidence.custodyEvents(out);
    assertThat(custody).extracting(event -> event.path("type").asText()).containsExactly("acquisition-started", "acquisition-interrupted");
    assertThat(custody.get(1).path("data").path("status").asText()).isEqualTo("failed");
    assertThat(custody.get(1).path("data").path("bytesAcquired").asLong()).isEqualTo(acquired);
    assertThat(Cli.run("report", "custody", out.toString()).exitCode()).isZero();
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.exitCode()).as("an incomplete acquisition does not verify: %s", verified.out()).isEqualTo(1);
    assertThat(verified.out()).as("what was acquired verifies, but it is not the whole source")
        .contains("INCOMPLETE: the acquisition failed; bytes 0–").contains("; what was acquired is as recorded")
        .doesNotContainPattern("(?m)^VERIFIED");
    return acquired;
  }
}

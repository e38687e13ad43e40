package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import dev.custos.testing.InBackground;
import dev.custos.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target disk fills up during the acquisition (another writer takes the space the check
 * before writing saw free), on a real small file system: one line with the bytes needed and free,
 * exit 3, the image written so far kept byte for byte, and the manifest and custody log still
 * written, in the room Custos kept for them.
 */
class AcquireTargetFullTest {
  private static final long SOURCE_SIZE = 24L << 20;
  /** What the check before writing asks beyond the image, and what Custos keeps for the records. */
  private static final long RECORDS_ROOM = 16L << 20;
  private static final Pattern FULL = Pattern.compile(
      "^acquire image: target disk full writing (\\S+): wrote (\\d+) of (\\d+) bytes, needs (\\d+) bytes more, (\\d+) bytes free"
          + " \\(the (\\d+) bytes acquired are kept; acquisition.json records the failure\\)$");

  @TempDir Path temp;

  @Test
  void image_targetFillsUpMidway_exit3WithBytesNeededAndFreeAndEverythingWrittenKept() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SOURCE_SIZE, 31);
    // Room for the image and the records, as the check before writing demands, and a little more.
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), SOURCE_SIZE + RECORDS_ROOM + (1L << 20));
        FailingDevice device = slowSource(backing)) {
      Path out = disk.path().resolve("evidence");
      Path image = out.resolve("image.ima");

      Cli.Run run = acquireWhileFilling(device, out, disk, 4L << 20, (1L << 20) + (512L << 10));

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      List<String> lines = run.err().lines().filter(line -> !line.startsWith("progress:")).toList();
      assertThat(lines).as(run.err()).hasSize(1);
      Matcher line = FULL.matcher(lines.get(0));
      assertThat(line.matches()).as(lines.get(0)).isTrue();
      long written = Long.parseLong(line.group(2));
      assertThat(line.group(1)).isEqualTo(out.toString());
      assertThat(Long.parseLong(line.group(3))).isEqualTo(SOURCE_SIZE);
      assertThat(Long.parseLong(line.group(4))).isEqualTo(SOURCE_SIZE - written);
      assertThat(Long.parseLong(line.group(5))).as("free when the write failed").isLessThan(1L << 20);
      assertThat(Long.parseLong(line.group(6))).isEqualTo(written);
      assertThat(written).isBetween(4L << 20, SOURCE_SIZE - 1);

      assertThat(image).hasSize(written);
      assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(written), backing.toString(), image.toString())).exitCode())
          .as("image = source prefix").isZero();
      JsonNode manifest = Evidence.manifest(out);
      assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
      assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
      assertThat(manifest.path("outcome").path("bytesAcquired").asLong()).isEqualTo(written);
      assertThat(manifest.path("outcome").path("reason").asText()).startsWith("target disk full");
      assertThat(manifest.path("image").path("sizeBytes").asLong()).isEqualTo(written);
      assertThat(out.resolve(".custos-reserve")).doesNotExist();
      List<JsonNode> custody = Evidence.custodyEvents(out);
      assertThat(custody).extracting(event -> event.path("type").asText()).containsExactly("acquisition-started", "acquisition-interrupted");
      assertThat(custody.get(1).path("data").path("bytesAcquired").asLong()).isEqualTo(written);
      assertThat(Cli.run("report", "custody", out.toString()).exitCode()).as("the chain verifies").isZero();
      Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
      assertThat(verified.exitCode()).as("an incomplete acquisition does not verify: %s", verified.out()).isEqualTo(1);
      assertThat(verified.out()).as("what was acquired verifies, but it is not the whole source")
          .contains("INCOMPLETE: the acquisition failed; bytes 0–").contains("; what was acquired is as recorded")
          .doesNotContainPattern("(?m)^VERIFIED");

      // Space freed: the acquisition goes on where it stopped and ends as if it never had.
      disk.free("filler");
      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(ExternalTool.identical(backing, image)).as("image = source (cmp)").isTrue();
      assertThat(Evidence.manifest(out).path("digests").path("sha256").asText()).isEqualTo(ExternalTool.digestOf("sha256sum", backing));
      assertThat(Evidence.manifest(out).path("resumptions").get(0).path("fromByte").asLong())
          .as("from the last whole piece on disk").isEqualTo(written / (64L << 20) * (64L << 20));
      assertThat(out.resolve("acquisition-interrupted-1.json")).exists();
      Cli.Run reverified = Cli.run("report", "verify", out.toString(), "--no-record");
      assertThat(reverified.exitCode()).as("everything verifies after the resumption: %s", reverified.out()).isZero();
    }
  }

  /** A source of about 25 MB/s (5 ms a 128 KiB read): slow enough to fill the disk while it is read. */
  static FailingDevice slowSource(Path backing) {
    return FailingDevice.attachWith(backing, backing.resolveSibling("fuse"), "--read-delay-ms", "5");
  }

  /**
   * Acquires {@code device} into {@code out}; once the image holds {@code fillAfter} bytes, fills
   * {@code disk} until {@code leaveFree} bytes are left. Returns the finished run.
   */
  static Cli.Run acquireWhileFilling(FailingDevice device, Path out, SmallDisk disk, long fillAfter, long leaveFree)
      throws InterruptedException {
    try (InBackground acquisition = InBackground.start("acquire", "image", device.path().toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned")) {
      acquisition.awaitSize(out.resolve("image.ima"), fillAfter, 60);
      disk.fill("filler", leaveFree);
      assertThat(Files.exists(disk.path().resolve("filler"))).isTrue();
      return acquisition.result(60);
    }
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing drive, killed while it stalls on its second bad region and resumed: the unreadable
 * sectors found before the crash are not lost with the process. They come back from the progress
 * record, so the final manifest names both regions exactly, and the image is the drive's bytes
 * elsewhere and zeros there. A real loop device over the FUSE failing device; a real {@code kill -9}.
 */
class AcquireResumeFailingDeviceTest {
  private static final long SIZE = 48L << 20;
  private static final long FIRST_BAD = (5L << 20) + 8192;
  private static final long SECOND_BAD = (40L << 20) + 65536;
  private static final int BAD_BYTES = 4096;

  @TempDir Path temp;

  @Test
  void resume_killedInASlowBadRegion_badRangesFoundBeforeTheCrashKeptAndExact() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 41);
    Path out = temp.resolve("evidence");
    // Each failing read takes 1.5 s: the acquisition stalls in each bad region long enough to be killed there.
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), "--delay-ms", "1500",
        "--bad", FIRST_BAD + ":" + BAD_BYTES, "--bad", SECOND_BAD + ":" + BAD_BYTES)) {
      CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", device.path().toString(),
          "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned",
          "--piece-size", "4MiB", "--retries", "0");
      assertThat(acquisition.awaitFileSize(out.resolve("image.ima"), 40L << 20)).as(acquisition.stderr()).isTrue();
      Thread.sleep(300); // in the second bad region's failing reads
      acquisition.signal("KILL");
      assertThat(acquisition.exitCode()).isEqualTo(137);

      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      JsonNode manifest = Evidence.manifest(out);
      // The digests and pieces stop at the first block not read whole (the first region's, at 5 MiB)
      // until the rescue is over: the last whole piece before it ends at 4 MiB.
      assertThat(manifest.path("resumptions").get(0).path("fromByte").asLong()).isEqualTo(4L << 20);
      assertThat(manifest.path("resumptions")).as("one pass, no re-read").hasSize(1);
      List<String> ranges = new ArrayList<>();
      manifest.path("badSectors").path("ranges")
          .forEach(range -> ranges.add(range.path("firstLba").asLong() + "+" + range.path("count").asLong()));
      assertThat(ranges).as("both regions, the first found before the crash").containsExactly(
          FIRST_BAD / 512 + "+" + BAD_BYTES / 512, SECOND_BAD / 512 + "+" + BAD_BYTES / 512);
      Path image = out.resolve("image.ima");
      assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(FIRST_BAD), backing.toString(), image.toString())).exitCode())
          .as("before the first region").isZero();
      assertThat(ExternalTool.run(List.of("cmp", "-i", Long.toString(SECOND_BAD + BAD_BYTES), backing.toString(), image.toString()))
          .exitCode()).as("after the second region").isZero();
      assertThat(ExternalTool.run(List.of("cmp", "-i", Long.toString(FIRST_BAD + BAD_BYTES), "-n",
          Long.toString(SECOND_BAD - FIRST_BAD - BAD_BYTES), backing.toString(), image.toString())).exitCode())
          .as("between the regions").isZero();
      assertThat(ExternalTool.run(List.of("cmp", "-n", Integer.toString(BAD_BYTES), "-i", FIRST_BAD + ":0", image.toString(),
          "/dev/zero")).exitCode()).as("the first region zero-filled").isZero();
      assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
    }
  }

  /**
   * A piece size that is a multiple of 512 but not of 4096 puts the resume point off the block
   * device's 4 KiB direct-I/O grid. Each 4 KiB unit of a block with a bad sector, read at such an
   * offset, used to fail (EINVAL) and be zero-filled: 2 MiB of readable bytes zeroed and recorded
   * as bad, and exit 0.
   */
  @Test
  void resume_pieceSizeOffTheDirectIoGrid_badRangeExactAndImageTheDrives() throws Exception {
    long size = 8L << 20;
    long bad = 6L << 20;
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), size, 43);
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), "--read-delay-ms", "10",
        "--bad", bad + ":" + BAD_BYTES)) {
      CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", device.path().toString(),
          "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned",
          "--piece-size", Long.toString((1L << 20) + 512), "--retries", "0");
      assertThat(acquisition.awaitFileSize(out.resolve("image.ima"), 3L << 20)).as(acquisition.stderr()).isTrue();
      acquisition.signal("KILL");
      assertThat(acquisition.exitCode()).isEqualTo(137);

      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      JsonNode manifest = Evidence.manifest(out);
      List<String> ranges = new ArrayList<>();
      manifest.path("badSectors").path("ranges")
          .forEach(range -> ranges.add(range.path("firstLba").asLong() + "+" + range.path("count").asLong()));
      assertThat(ranges).containsExactly(bad / 512 + "+" + BAD_BYTES / 512);
      assertThat(manifest.path("resumptions").get(0).path("fromByte").asLong() % 4096).as("on the direct-I/O grid").isZero();
      Path image = out.resolve("image.ima");
      assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(bad), backing.toString(), image.toString())).exitCode())
          .as("before the bad sectors").isZero();
      assertThat(ExternalTool.run(List.of("cmp", "-i", Long.toString(bad + BAD_BYTES), backing.toString(), image.toString()))
          .exitCode()).as("after the bad sectors").isZero();
      assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
    }
  }
}

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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target disk fills up while an E01 set is written, on a real small file system: one line
 * that counts what the set had taken in bytes of media (not bytes on disk, which compression
 * makes another number) and says what is free, exit 3; the unfinished set is kept and sealed, the
 * manifest and custody end written, and no reader takes the set for an image.
 */
class AcquireE01TargetFullTest {
  private static final long SOURCE_SIZE = 24L << 20;
  private static final long RECORDS_ROOM = 16L << 20;

  @TempDir Path temp;

  @Test
  void acquireE01_targetFillsUpMidway_oneLineInBytesOfMedia_exit3_unfinishedSetKept() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SOURCE_SIZE, 37);
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), SOURCE_SIZE + RECORDS_ROOM + (1L << 20));
        FailingDevice device = AcquireTargetFullTest.slowSource(backing)) {
      Path out = disk.path().resolve("evidence");
      Cli.Run run;
      try (InBackground acquisition = InBackground.start("acquire", "image", device.path().toString(), "--out", out.toString(),
          "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--format", "e01", "--compression", "none", "--unsigned")) {
        acquisition.awaitSize(out.resolve("image.E01"), 4L << 20, 60);
        disk.fill("filler", (1L << 20) + (512L << 10));
        run = acquisition.result(60);
      }

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      List<String> lines = run.err().lines().filter(line -> !line.startsWith("progress:")).toList();
      assertThat(lines).as(run.err()).hasSize(1);
      assertThat(lines.get(0)).matches("acquire image: target disk full writing " + java.util.regex.Pattern.quote(out.toString())
          + ": the E01 set had taken \\d+ of " + SOURCE_SIZE + " bytes of media, compressed; \\d+ bytes free .*");
      JsonNode manifest = Evidence.manifest(out);
      assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
      assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
      assertThat(manifest.path("outcome").path("bytesAcquired").asLong()).as("no byte of an unfinished set is readable").isZero();
      assertThat(out.resolve("image.E01")).exists();
      assertThat(ExternalTool.run(List.of("ewfverify", "-q", out.resolve("image.E01").toString())).exitCode())
          .as("ewfverify refuses the unfinished set").isNotZero();
      assertThat(Cli.run("report", "custody", out.toString()).exitCode()).as("the chain verifies").isZero();
    }
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow, intermittently failing drive — bursts of unreadable 4 KiB units whose reads take 20 ms
 * to fail, between good regions — on a real loop device over the FUSE failing file: every readable
 * sector is acquired, the bad ranges recorded are exactly the failing ones, and none of it is
 * taken for a lost drive. The speed of the good regions is measured by bench/failing-device; this
 * test prints its own figure against a healthy run of the same device.
 */
class AcquireSlowFailingRegionTest {
  private static final long SIZE = 16L << 20;
  private static final int SECTOR = 512;
  private static final int DELAY_MS = 20;

  @TempDir Path temp;

  @Test
  void image_slowEioBurstsBetweenGoodRegions_everyReadableSectorAcquiredAndBadRangesExact() {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SIZE, 41);
    // Bursts on the 4 KiB error unit: one unit, four units, a run across a 1 MiB block boundary,
    // and one near the end; start and length in bytes.
    long[][] bursts = {
        {(2L << 20) + (64 << 10), 4096},
        {(5L << 20) + (256 << 10), 16384},
        {(8L << 20) - 8192, 16384},
        {(15L << 20) + (512 << 10), 4096}};
    List<String> options = new ArrayList<>(List.of("--delay-ms", Integer.toString(DELAY_MS)));
    for (long[] burst : bursts) {
      options.add("--bad");
      options.add(burst[0] + ":" + burst[1]);
    }

    Path healthyOut = temp.resolve("healthy");
    try (FailingDevice healthy = FailingDevice.attachWith(backing, temp.resolve("fuse-healthy"))) {
      Cli.Run run = acquire(healthy.path(), healthyOut);
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    Path out = temp.resolve("evidence");
    long failedReads;
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), options.toArray(String[]::new))) {

      Cli.Run run = acquire(device.path(), out);

      failedReads = device.failedReads();
      assertThat(run.exitCode()).as(run.err()).isZero();
    }

    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    List<String> recorded = new ArrayList<>();
    manifest.path("badSectors").path("ranges").forEach(r -> recorded.add(r.path("firstLba").asLong() + "+" + r.path("count").asLong()));
    List<String> expected = new ArrayList<>();
    for (long[] burst : bursts) {
      expected.add(burst[0] / SECTOR + "+" + burst[1] / SECTOR);
    }
    assertThat(recorded).isEqualTo(expected);
    Path image = out.resolve("image.ima");
    assertThat(image).hasSize(SIZE);
    long at = 0;
    for (long[] burst : bursts) {
      assertThat(cmp(backing, at, image, at, burst[0] - at)).as("good region [%d, %d) as the source", at, burst[0]).isTrue();
      assertThat(cmp(Path.of("/dev/zero"), 0, image, burst[0], burst[1])).as("bad burst at %d zero-filled", burst[0]).isTrue();
      at = burst[0] + burst[1];
    }
    assertThat(cmp(backing, at, image, at, SIZE - at)).as("good region [%d, %d) as the source", at, SIZE).isTrue();
    assertThat(ExternalTool.digestOf("sha256sum", healthyOut.resolve("image.ima"))).isEqualTo(ExternalTool.digestOf("sha256sum", backing));

    // The figure, not a verdict: on two shared cores the good regions' time is noise-dominated.
    // Read times as the manifests record them (the read loop alone, not start-up or the report).
    double healthy = Evidence.manifest(healthyOut).path("timing").path("durationMs").asLong() / 1e3;
    double failing = manifest.path("timing").path("durationMs").asLong() / 1e3;
    double failedReadTime = failedReads * DELAY_MS / 1e3;
    System.err.printf(Locale.ROOT, "slow failing region: healthy run %.2f s; with %d bursts %.2f s, of which %d failed reads"
        + " x %d ms = %.2f s; left for the good regions and the unit-by-unit reading of the failed blocks %.2f s%n", healthy, bursts.length, failing, failedReads, DELAY_MS, failedReadTime,
        failing - failedReadTime);
  }

  private static Cli.Run acquire(Path device, Path out) {
    return Cli.run("acquire", "image", device.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--retries", "2", "--unsigned");
  }

  /** Whether {@code cmp} finds {@code length} bytes of {@code a} from {@code aFrom} equal to those of {@code b} from {@code bFrom}. */
  private static boolean cmp(Path a, long aFrom, Path b, long bFrom, long length) {
    ExternalTool.Result result = ExternalTool.run(List.of("cmp", "-i", aFrom + ":" + bFrom, "-n", Long.toString(length),
        a.toString(), b.toString()));
    assertThat(result.exitCode()).as("cmp: %s", result.stderr()).isIn(0, 1);
    return result.exitCode() == 0;
  }
}

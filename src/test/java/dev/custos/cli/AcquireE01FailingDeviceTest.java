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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing drive acquired to E01, on a real failing block device (a read-only loop device in
 * direct-I/O mode over a FUSE file that fails chosen sectors): the rescue reads around the damage
 * as for a raw image, the set's error2 section lists exactly the sectors that could not be read
 * ({@code ewfinfo -e}), {@code ewfexport} gives every readable sector of the source and zeros for
 * the rest, and the raw rescue file the set was finished from is gone.
 */
class AcquireE01FailingDeviceTest {
  private static final long SIZE = 16L << 20;

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}-byte sectors")
  @ValueSource(ints = {512, 4096})
  void acquireE01_failingSectors_error2ListsExactlyThem_ewfexportGivesTheReadableOnes(int sectorSize) throws IOException {
    ExternalTool.assumeInstalled("ewfinfo");
    long lastLba = SIZE / sectorSize - 1;
    // {first LBA, count}: the first sector, two across a chunk boundary, a zone of a whole chunk and more, the last sector.
    int perChunk = 32768 / sectorSize;
    List<long[]> bad = List.of(new long[] {0, 1}, new long[] {3L * perChunk - 1, 2}, new long[] {100L * perChunk + 3, perChunk + 5},
        new long[] {lastLba, 1});
    Path backing = AcquireE01Test.mixedSource(temp.resolve("disk.bin"), (int) SIZE);
    List<String> options = new ArrayList<>(List.of("--sector-size", Integer.toString(sectorSize)));
    for (long[] range : bad) {
      options.add("--bad");
      options.add(range[0] * sectorSize + ":" + range[1] * sectorSize);
    }
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attachWith(backing, temp.resolve("fuse"), options.toArray(String[]::new))) {
      Cli.Run run = Cli.run("acquire", "image", device.path().toString(), "--out", out.toString(), "--case", "C-1",
          "--evidence", "E-1", "--examiner", "Jane Doe", "--retries", "1", "--format", "e01", "--hash", "md5,sha1",
          "--unsigned");
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    assertThat(out.resolve(".rescue")).as("the raw rescue file, every byte of which is in the set").doesNotExist();
    Path first = out.resolve("image.E01");
    assertThat(ExternalTool.ok("ewfinfo", first.toString())).contains("Bytes per sector:\t" + sectorSize,
        "Number of sectors:\t" + SIZE / sectorSize);
    String info = ExternalTool.ok("ewfinfo", "-e", first.toString());
    List<String> listed = new ArrayList<>();
    Matcher error = Pattern.compile("at sector\\(s\\): (\\d+) - (\\d+) number: (\\d+)").matcher(info);
    while (error.find()) {
      listed.add(error.group(1) + "+" + error.group(3));
    }
    assertThat(listed).as("ewfinfo -e").containsExactlyElementsOf(bad.stream().map(r -> r[0] + "+" + r[1]).toList());
    assertThat(ExternalTool.ok("ewfverify", "-q", first.toString())).contains("SUCCESS");

    Path exported = temp.resolve("exported");
    ExternalTool.ok("ewfexport", "-q", "-u", "-f", "raw", "-t", exported.toString(), first.toString());
    byte[] expected = Files.readAllBytes(backing);
    for (long[] range : bad) {
      Arrays.fill(expected, (int) (range[0] * sectorSize), (int) ((range[0] + range[1]) * sectorSize), (byte) 0);
    }
    assertThat(Arrays.equals(expected, Files.readAllBytes(exported.resolveSibling("exported.raw"))))
        .as("every readable sector of the source, zeros for the unreadable").isTrue();
    assertThat(manifest.path("digests").path("md5").asText())
        .isEqualTo(ExternalTool.digestOf("md5sum", exported.resolveSibling("exported.raw")));
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two acquisitions at once on one workstation, as two real processes with two sources and two
 * evidence directories: each completes with an image identical to its source, keeps its memory
 * bounded, and leaves an intact custody log; neither corrupts nor blocks the other.
 */
class ConcurrentAcquisitionsTest {
  private static final long SOURCE_BYTES = 192L << 20;
  private static final long MAX_RSS_KIB = 256L << 10;

  @TempDir Path temp;

  @Test
  void twoAcquisitionsAtOnce_bothComplete_identicalToTheirSources_withinTheirMemory() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "/usr/bin/time (Debian: time) measures the memory");
    List<Path> sources = List.of(Evidence.randomFile(temp.resolve("a.bin"), SOURCE_BYTES, 1),
        Evidence.randomFile(temp.resolve("b.bin"), SOURCE_BYTES, 2));
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      processes.add(start(sources.get(i), temp.resolve("evidence-" + i), temp.resolve("rss-" + i)));
    }
    for (Process process : processes) {
      assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
    }

    for (int i = 0; i < sources.size(); i++) {
      Path dir = temp.resolve("evidence-" + i);
      assertThat(processes.get(i).exitValue()).as("acquisition %d: %s", i, Files.readString(temp.resolve("err-" + i))).isZero();
      assertThat(ExternalTool.identical(sources.get(i), dir.resolve("image.ima"))).as("image %d equals its source", i).isTrue();
      assertThat(Evidence.manifest(dir).path("digests").path("md5").asText())
          .isEqualTo(ExternalTool.digestOf("md5sum", sources.get(i)));
      assertThat(Cli.run("report", "custody", dir.toString()).exitCode()).as("custody log %d intact", i).isZero();
      long rssKib = Long.parseLong(Files.readString(temp.resolve("rss-" + i), StandardCharsets.UTF_8).strip().lines()
          .reduce((first, second) -> second).orElseThrow());
      System.out.println("acquisition " + i + ": max RSS " + rssKib / 1024 + " MiB");
      assertThat(rssKib).as("max RSS of acquisition %d, KiB", i).isLessThanOrEqualTo(MAX_RSS_KIB);
    }
  }

  /** {@code acquire image} as its own JVM, with the launcher's memory settings, under /usr/bin/time. */
  private Process start(Path source, Path out, Path rss) throws IOException {
    String index = out.getFileName().toString().substring("evidence-".length());
    return new ProcessBuilder(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-Xms64m", "-Xmx192m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-" + index, "--evidence", "E-" + index, "--examiner", "Jane Doe", "--unsigned"))
        .redirectOutput(temp.resolve("out-" + index).toFile())
        .redirectError(temp.resolve("err-" + index).toFile())
        .start();
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report verify DIR --verify-source} reads twice; each progress line says which read it is. */
class VerifyProgressLabelsTest {
  @TempDir Path temp;

  @Test
  void reportVerify_imageAndSourceReread_progressLinesSayWhichIsRead() throws Exception {
    byte[] bytes = new byte[3 << 20];
    new Random(19).nextBytes(bytes);
    Path source = Files.write(temp.resolve("source.bin"), bytes);
    Path out = temp.resolve("evidence");
    assertThat(Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned").exitCode()).isZero();

    Cli.Run run = Cli.run("report", "verify", out.toString(), "--verify-source", source.toString(), "--no-record");

    assertThat(run.exitCode()).as(run.out()).isZero();
    List<String> progress = run.err().lines().filter(line -> line.startsWith("progress:")).toList();
    assertThat(progress).as(run.err()).isNotEmpty()
        .allMatch(line -> line.startsWith("progress: image: ") || line.startsWith("progress: source: "));
    assertThat(progress.get(progress.size() - 1))
        .isEqualTo("progress: source: 100.0% 3.15 MB of 3.15 MB, " + rate(progress.get(progress.size() - 1))
            + ", ETA 0:00:00, bad sectors: 0");
    assertThat(progress).anyMatch(line -> line.startsWith("progress: image: 100.0% 3.15 MB of 3.15 MB"));
    assertThat(progress.indexOf(progress.stream().filter(line -> line.startsWith("progress: source:")).findFirst().orElseThrow()))
        .as("the image is re-read first, then the source").isPositive();
  }

  @Test
  void reportVerify_imageOnly_progressLinesSayImage() throws Exception {
    Path source = Files.write(temp.resolve("source.bin"), new byte[1 << 20]);
    Path out = temp.resolve("evidence");
    assertThat(Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned").exitCode()).isZero();

    Cli.Run run = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(run.err().lines().filter(line -> line.startsWith("progress:")).toList()).isNotEmpty()
        .allMatch(line -> line.startsWith("progress: image: "));
  }

  /** The rate in a progress line: the one field no test can fix in advance. */
  private static String rate(String line) {
    return line.replaceFirst("^.* of [^,]*, ([^,]*/s),.*$", "$1");
  }
}

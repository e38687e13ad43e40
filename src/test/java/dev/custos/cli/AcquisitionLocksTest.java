package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two acquisitions that must not run at once: into the same directory, or from the same source
 * (under any name). The second is refused at once, before it writes anything, and the first runs
 * on unharmed. The first is a real child process, so its locks are another process's.
 */
class AcquisitionLocksTest {
  @TempDir Path temp;

  @Test
  void image_sameDirectoryTwiceAtOnce_secondRefusedAtOnce_firstUnharmed() throws Exception {
    Path source = sparseSource();
    Path other = Evidence.randomFile(temp.resolve("other.bin"), 1 << 20, 3);
    Path out = temp.resolve("evidence");
    CustosProcess first = start(source, out);
    assertThat(first.awaitFileSize(out.resolve("image.ima"), 1)).as("the first has begun writing").isTrue();

    long started = System.nanoTime();
    Cli.Run second = acquire(other, out);

    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.err()).hasLineCount(1)
        .containsAnyOf("another Custos process is acquiring into " + out, "already holds evidence");
    assertThat((System.nanoTime() - started) / 1_000_000).as("refused at once, ms").isLessThan(5_000);
    assertFirstCompletesUnharmed(first, source, out);
  }

  @Test
  void image_sameSourceTwiceAtOnce_underAnotherName_secondRefusedBeforeWriting() throws Exception {
    Path source = sparseSource();
    Path link = Files.createSymbolicLink(temp.resolve("same-source-by-another-name"), source);
    Path out = temp.resolve("evidence");
    Path second = temp.resolve("evidence-2");
    CustosProcess first = start(source, out);
    assertThat(first.awaitFileSize(out.resolve("image.ima"), 1)).isTrue();

    Cli.Run refused = acquire(link, second);

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).hasLineCount(1).contains("another Custos process is reading the source " + link)
        .contains("process " + first.pid());
    try (Stream<Path> written = Files.list(second)) {
      assertThat(written.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".")))
          .as("no evidence written by the refused acquisition").isEmpty();
    }
    assertFirstCompletesUnharmed(first, source, out);
  }

  /** 768 MiB that read as zeros without using the disk: seconds of reading, time enough for the second to try. */
  private Path sparseSource() throws Exception {
    Path source = temp.resolve("source.bin");
    try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
      file.setLength(768L << 20);
    }
    return source;
  }

  private CustosProcess start(Path source, Path out) {
    return CustosProcess.start(temp, "first", "acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1",
        "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--hash", "md5");
  }

  private static Cli.Run acquire(Path source, Path out) {
    return Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-2", "--evidence", "E-2",
        "--examiner", "John Roe", "--unsigned");
  }

  private static void assertFirstCompletesUnharmed(CustosProcess first, Path source, Path out) throws InterruptedException {
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(ExternalTool.run(List.of("cmp", source.toString(), out.resolve("image.ima").toString())).exitCode())
        .as("the first's image equals its source").isZero();
    assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).as("the first verifies").isZero();
  }
}

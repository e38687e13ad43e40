package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Identities;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real Ctrl-C or SIGTERM leaves on the terminal: a last progress line that says the read
 * stopped (no ETA), and a last line that says how to go on.
 */
class InterruptedGoingOnTest {
  @TempDir Path temp;

  @Test
  void acquire_signedAndInterrupted_lastLineIsTheResumeWithItsKey() throws Exception {
    Path source = sparse("big.bin", 2L << 30);
    Path out = temp.resolve("evidence");
    Identities.KeyFile key = Identities.keygen(temp, "jane", "Jane Doe");
    CustosProcess process = CustosProcess.start(temp, "acquire", Cli.join(new String[] {"acquire", "image", source.toString(),
        "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe"}, key.options()));
    assertThat(process.awaitError("progress:")).as("a progress line before the signal").isTrue();

    process.signal("INT");

    assertThat(process.exitCode()).isEqualTo(130);
    String resume = "acquire resume " + out + " --key " + key.p12() + " --password-file " + key.passwordFile();
    assertThat(lastLine(process.stdout())).isEqualTo("  to go on     " + resume);
    assertLastProgressSaysStopped(process.stderr());

    Cli.Run resumed = Cli.run(resume.split(" "));
    assertThat(resumed.exitCode()).as("the printed command goes on: %s", resumed.err()).isZero();
    assertThat(resumed.out()).startsWith("Acquisition completed:").doesNotContain("to go on");
  }

  @Test
  void acquire_unsignedAndTerminated_lastLineIsTheResumeWithoutOptions() throws Exception {
    Path source = sparse("big.bin", 2L << 30);
    Path out = temp.resolve("evidence");
    CustosProcess process = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");
    assertThat(process.awaitError("progress:")).isTrue();

    process.signal("TERM");

    assertThat(process.exitCode()).isEqualTo(143);
    String resume = "acquire resume " + out;
    assertThat(lastLine(process.stdout())).isEqualTo("  to go on     " + resume);
    assertLastProgressSaysStopped(process.stderr());

    // Word for word, with no $CUSTOS_KEY to lean on: an unsigned acquisition goes on unsigned without being told.
    Cli.Run resumed = Cli.runWith(java.util.Map.of(), resume.split(" "));
    assertThat(resumed.exitCode()).as("the printed command goes on: %s", resumed.err()).isZero();
    assertThat(resumed.out()).startsWith("The interrupted acquisition was recorded unsigned: continuing unsigned.\nAcquisition completed:")
        .doesNotContain("to go on");
  }

  @Test
  void acquire_e01Interrupted_saysAcquireAgainIntoANewDirectory() throws Exception {
    Path source = sparse("big.bin", 8L << 30);
    Path out = temp.resolve("evidence");
    CustosProcess process = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--format", "e01");
    assertThat(process.awaitError("progress:")).isTrue();

    process.signal("INT");

    assertThat(process.exitCode()).isEqualTo(130);
    assertThat(lastLine(process.stdout()))
        .isEqualTo("  to go on     an E01 acquisition cannot be resumed: acquire again into a new directory");
    assertThat(process.stdout()).doesNotContain("acquire resume");
    assertLastProgressSaysStopped(process.stderr());
  }

  private Path sparse(String name, long size) throws Exception {
    Path source = temp.resolve(name);
    try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
      file.setLength(size); // sparse: reads fast, costs no disk
    }
    return source;
  }

  private static void assertLastProgressSaysStopped(String stderr) {
    List<String> progress = stderr.lines().filter(line -> line.startsWith("progress:")).toList();
    assertThat(progress.get(progress.size() - 1)).as(stderr).matches("progress: +\\d+\\.\\d% .*, stopped, bad sectors: 0");
    assertThat(stderr).doesNotContain("ETA 0:00:00");
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().toList();
    return lines.get(lines.size() - 1);
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM, sent for real to a real Custos process: it stops cleanly, keeps what it
 * wrote, and the manifest says {@code interrupted} and up to which byte.
 */
class AcquireInterruptTest {
  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void image_signalMidway_stopsCleanlyAndManifestSaysHowFar(String signal, int expectedExit) throws Exception {
    Path source = temp.resolve("big.bin");
    try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
      file.setLength(8L << 30); // sparse: reads fast, costs no disk
    }
    Path out = temp.resolve("evidence");
    Process process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned",
        "--hash", "md5,sha1,sha256,sha512", "--piece-hash", "sha256", "--piece-size", "1MiB"))
        .redirectOutput(temp.resolve("stdout.txt").toFile())
        .start();
    try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String first = err.readLine();
      assertThat(first).as("a progress line before the signal").startsWith("progress:");
      ExternalTool.ok("kill", "-" + signal, Long.toString(process.pid()));
      err.transferTo(java.io.Writer.nullWriter());
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(expectedExit);
    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("interrupted");
    assertThat(manifest.path("outcome").path("reason").asText()).contains("signal");
    long acquired = manifest.path("outcome").path("bytesAcquired").asLong();
    assertThat(acquired).isPositive().isLessThan(8L << 30);
    Path image = out.resolve("image.ima");
    assertThat(Files.size(image)).isEqualTo(acquired);
    assertThat(manifest.path("image").path("sizeBytes").asLong()).isEqualTo(acquired);
    assertThat(ExternalTool.run(List.of("cmp", "-n", Long.toString(acquired), source.toString(), image.toString())).exitCode()).isZero();
    assertThat(manifest.path("digests").size()).as("no whole digest for a partial image").isZero();
    assertThat(manifest.path("pieces").path("count").asLong()).isEqualTo(acquired / (1 << 20));
    assertThat(Files.readString(temp.resolve("stdout.txt"))).contains("Acquisition interrupted");
    List<JsonNode> custody = Evidence.custodyEvents(out);
    assertThat(custody).as("started, interrupted, report-rendered").hasSize(3);
    JsonNode interrupted = custody.get(1);
    assertThat(interrupted.path("type").asText()).isEqualTo("acquisition-interrupted");
    assertThat(interrupted.path("data").path("bytesAcquired").asLong()).isEqualTo(acquired);
    assertThat(interrupted.path("data").path("reason").asText()).contains("signal");

    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.exitCode()).as("an interrupted acquisition does not verify: %s", verified.out()).isEqualTo(1);
    long size = 8L << 30;
    assertThat(verified.out()).contains("no whole-image digest recorded (acquisition not completed at byte " + acquired + ")")
        .contains((acquired / (1 << 20)) + " of " + (acquired / (1 << 20)) + " sha256 pieces")
        .contains("INCOMPLETE: bytes 0–" + (acquired - 1) + " of " + size + " acquired; what was acquired is as recorded")
        .contains("bytes " + acquired + "–" + (size - 1) + " (LBAs " + acquired / 512 + "–" + (size / 512 - 1) + ") not acquired")
        .doesNotContainPattern("(?m)^VERIFIED");
    String report = ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).as("pdftotext report.pdf").doesNotContain("every sector was read").contains("INCOMPLETE")
        .contains("bytes " + acquired + " to " + (size - 1) + " (LBAs " + acquired / 512 + " to " + (size / 512 - 1) + ")")
        .contains("NOT ACQUIRED");
  }

}

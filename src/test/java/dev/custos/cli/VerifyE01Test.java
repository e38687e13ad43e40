package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code report verify} of E01 sets: Custos's own evidence directory, and sets written by libewf's
 * {@code ewfacquire} (a tool nobody here wrote), intact and with one byte flipped in a compressed
 * chunk, in a stored chunk and in a header. An intact set verifies; a damaged one does not, and the
 * damaged chunk is named with its byte and LBA range, its segment file and its offset there.
 */
class VerifyE01Test {
  private static final int SIZE = (3 << 20) + 4096 + 512;
  private static final Pattern DAMAGED_CHUNK =
      Pattern.compile("chunk (\\d+) \\(bytes (\\d+)–(\\d+), LBA (\\d+)–(\\d+)\\) at offset (\\d+) of (image\\.E\\d\\d) is damaged");

  @TempDir Path temp;

  @Test
  void verifyDirectory_intactE01_verified_flippedByteInAChunk_namesTheChunkAndDoesNotVerify() throws IOException {
    Path source = AcquireE01Test.mixedSource(temp.resolve("drive.bin"), SIZE);
    Path out = temp.resolve("evidence");
    Cli.Run acquired = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C", "--evidence", "E",
        "--examiner", "X", "--format", "e01", "--segment-size", "1MiB", "--unsigned");
    assertThat(acquired.exitCode()).as(acquired.err()).isZero();

    Cli.Run intact = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(intact.exitCode()).as(intact.out()).isZero();
    assertThat(intact.out()).contains("VERIFIED", "none damaged");

    Path second = out.resolve("image.E02");
    long offset = Files.size(second) / 2;
    flip(second, offset);
    Cli.Run damaged = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(damaged.exitCode()).as(damaged.out()).isEqualTo(1);
    Matcher chunk = DAMAGED_CHUNK.matcher(damaged.out());
    assertThat(chunk.find()).as(damaged.out()).isTrue();
    assertThat(chunk.group(7)).isEqualTo("image.E02");
    long chunkOffset = Long.parseLong(chunk.group(6));
    assertThat(chunkOffset).as("the chunk holding the flipped byte").isLessThanOrEqualTo(offset).isGreaterThan(offset - 32768 - 4);
    long firstByte = Long.parseLong(chunk.group(2));
    assertThat(Long.parseLong(chunk.group(3))).isEqualTo(firstByte + 32767);
    assertThat(Long.parseLong(chunk.group(4))).isEqualTo(firstByte / 512);
    assertThat(damaged.out()).contains("MD5 of the image now is", "piece 0 differs");
  }

  @ParameterizedTest(name = "ewfacquire -c {0}, segments of {1}")
  @CsvSource({"none, 8MiB", "empty-block, 8MiB", "fast, 8MiB", "best, 8MiB", "none, 1MiB", "empty-block, 1MiB", "fast, 1MiB",
      "best, 1MiB"})
  void verifyImage_setWrittenByEwfacquire_intactVerifies_flippedChunkNamed(String compression, String segmentSize) throws IOException {
    ExternalTool.assumeInstalled("ewfacquire");
    Path source = AcquireE01Test.mixedSource(temp.resolve("drive.bin"), SIZE);
    Path target = temp.resolve("their");
    ExternalTool.ok("ewfacquire", "-u", "-q", "-t", target.toString(), "-f", "encase6", "-c", compression, "-S", segmentSize,
        "-d", "sha1", "-C", "2026-0142", "-E", "HDD-01", "-e", "Jane Doe", "-D", "their laptop", "-N", "none", source.toString());
    Path first = temp.resolve("their.E01");
    String md5 = ExternalTool.digestOf("md5sum", source);

    Cli.Run intact = Cli.run("report", "verify", first.toString(), "--md5", md5);

    assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
    assertThat(intact.out()).contains("VERIFIED", "case 2026-0142", "evidence HDD-01", "examiner Jane Doe", "acquired ",
        SIZE + " bytes of media", "none damaged");

    List<Path> segments = new ArrayList<>();
    try (var files = Files.list(temp)) {
      files.filter(file -> file.getFileName().toString().startsWith("their.E")).sorted().forEach(segments::add);
    }
    // ewfverify is the oracle: wherever it finds the set damaged, Custos must not verify it. Some
    // bytes of a zlib stream change nothing it decodes to (zeros at level 9 leave many such bits),
    // so a flip there leaves the media, and both verdicts, as they were.
    Path last = segments.get(segments.size() - 1);
    int named = 0;
    for (int k = 1; k <= 5; k++) {
      Path copy = Files.createDirectories(temp.resolve("copy" + k));
      for (Path segment : segments) {
        Files.copy(segment, copy.resolve(segment.getFileName()));
      }
      Path flipped = copy.resolve(last.getFileName());
      flip(flipped, Files.size(flipped) * k / 6);
      boolean ewfverifyFails = ExternalTool.run(List.of("ewfverify", "-q", copy.resolve("their.E01").toString())).exitCode() != 0;
      Cli.Run damaged = Cli.run("report", "verify", copy.resolve("their.E01").toString(), "--md5", md5);
      if (ewfverifyFails) {
        assertThat(damaged.exitCode()).as("ewfverify finds a byte flipped at %d/6 of %s; Custos: %s", k, last.getFileName(),
            damaged.out() + damaged.err()).isEqualTo(1);
      }
      Matcher chunk = DAMAGED_CHUNK.matcher(damaged.out().replace("their.E", "image.E"));
      if (chunk.find()) {
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(chunk.group(7)).isEqualTo(last.getFileName().toString().replace("their.E", "image.E"));
        named++;
      }
    }
    assertThat(named).as("flips that fell in a chunk and were named").isPositive();
  }

  @Test
  void verifyImage_flippedByteInTheHeaderOfAnEwfacquireSet_named() throws IOException {
    ExternalTool.assumeInstalled("ewfacquire");
    Path source = AcquireE01Test.mixedSource(temp.resolve("drive.bin"), SIZE);
    ExternalTool.ok("ewfacquire", "-u", "-q", "-t", temp.resolve("their").toString(), "-f", "encase6", "-c", "fast",
        "-C", "2026-0142", "-E", "HDD-01", "-e", "Jane Doe", "-D", "d", "-N", "n", source.toString());
    Path first = temp.resolve("their.E01");
    flip(first, 13 + 76 + 10); // inside the first header2 section's zlib stream, just past its descriptor

    Cli.Run damaged = Cli.run("report", "verify", first.toString());

    assertThat(damaged.exitCode()).as(damaged.out() + damaged.err()).isEqualTo(1);
    assertThat(damaged.out()).contains("their.E01", "header2");
  }

  @Test
  void verifyImage_fileNamedE01ThatIsNone_oneLineNoStackTrace() throws IOException {
    Path fake = Files.writeString(temp.resolve("notes.E01"), "not an image at all\n");

    Cli.Run run = Cli.run("report", "verify", fake.toString());

    assertThat(run.exitCode()).isIn(2, 3);
    assertThat(run.err().strip()).contains("notes.E01").doesNotContain("Exception").doesNotContain("\n\tat ");
  }

  private static void flip(Path file, long offset) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x55)).rewind();
      channel.write(one, offset);
    }
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code acquire image --format e01}: an EnCase 6 set that the readers nobody here wrote accept as
 * it is — libewf's {@code ewfverify}, {@code ewfinfo} and {@code ewfexport}, and The Sleuth Kit —
 * holding the source byte for byte, with the case fields and the digests {@code md5sum} and
 * {@code sha1sum} give.
 */
class AcquireE01Test {
  /** Not a multiple of the 32 KiB chunk: 3 MiB, a page and a sector. */
  private static final int SIZE = (3 << 20) + 4096 + 512;

  @TempDir Path temp;

  /** Zeros, text and noise in runs of 256 KiB, then a short tail: every kind of chunk a drive has. */
  static Path mixedSource(Path file, int size) throws IOException {
    byte[] text = ("Custos acquires a drive once, in order; the examiner signs what was read. ").repeat(4000)
        .getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[size];
    Random random = new Random(7);
    for (int at = 0, run = 0; at < size; at += 256 << 10, run++) {
      int length = Math.min(256 << 10, size - at);
      switch (run % 3) {
        case 1 -> System.arraycopy(text, 0, data, at, length);
        case 2 -> {
          byte[] noise = new byte[length];
          random.nextBytes(noise);
          System.arraycopy(noise, 0, data, at, length);
        }
        default -> { } // zeros
      }
    }
    return Files.write(file, data);
  }

  private Cli.Run acquireE01(Path source, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("acquire", "image", source.toString(), "--out", out.toString(), "--case", "2026-0142",
        "--evidence", "HDD-01", "--examiner", "Jane Doe", "--description", "Seized laptop drive", "--notes", "Bag 7",
        "--format", "e01", "--hash", "md5,sha1,sha256", "--unsigned"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "--compression {0}")
  @ValueSource(strings = {"none", "empty-block", "fast", "best"})
  void acquireE01_eachCompression_libewfAcceptsItAndGivesBackTheSource(String compression) throws IOException {
    ExternalTool.assumeInstalled("ewfverify");
    Path source = mixedSource(temp.resolve("drive.bin"), SIZE);
    Path out = temp.resolve("evidence");

    Cli.Run run = acquireE01(source, out, "--compression", compression, "--segment-size", "1MiB");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("parameters").path("format").asText()).isEqualTo("e01");
    assertThat(manifest.path("parameters").path("compression").asText()).isEqualTo(compression);
    assertThat(manifest.path("image").path("e01").path("mediaSizeBytes").asLong()).isEqualTo(SIZE);
    List<String> names = new ArrayList<>();
    manifest.path("image").path("files").forEach(file -> names.add(file.path("path").asText()));
    assertThat(names).as("several segments of at most 1 MiB").hasSizeGreaterThanOrEqualTo(2).first().isEqualTo("image.E01");
    for (String name : names) {
      assertThat(Files.size(out.resolve(name))).as(name).isLessThanOrEqualTo(1L << 20);
      assertThat(Files.getPosixFilePermissions(out.resolve(name))).as(name + " sealed").noneMatch(p -> p.name().endsWith("WRITE"));
    }

    String md5 = ExternalTool.digestOf("md5sum", source);
    String sha1 = ExternalTool.digestOf("sha1sum", source);
    assertThat(manifest.path("digests").path("md5").asText()).isEqualTo(md5);
    Path first = out.resolve("image.E01");
    assertThat(ExternalTool.ok("ewfverify", "-q", "-d", "sha1", first.toString())).contains("ewfverify: SUCCESS");
    String info = ExternalTool.ok("ewfinfo", first.toString());
    assertThat(info).contains("Case number:\t\t2026-0142", "Evidence number:\tHDD-01", "Examiner name:\t\tJane Doe",
        "Description:\t\tSeized laptop drive", "Notes:\t\t\tBag 7", "Bytes per sector:\t512",
        "Number of sectors:\t" + SIZE / 512, "MD5:\t\t\t" + md5, "SHA1:\t\t\t" + sha1);
    Path exported = temp.resolve("exported");
    ExternalTool.ok("ewfexport", "-q", "-u", "-f", "raw", "-t", exported.toString(), first.toString());
    assertThat(ExternalTool.identical(source, exported.resolveSibling("exported.raw"))).as("ewfexport gives the source").isTrue();
  }

  @Test
  void acquireE01_fileSystem_sleuthKitListsTheSameFilesAsInTheRawImage() throws IOException {
    ExternalTool.assumeInstalled("fls");
    ExternalTool.assumeInstalled("mkfs.ext4");
    Path raw = temp.resolve("fs.raw");
    Files.write(raw, new byte[8 << 20]);
    Path content = Files.createDirectories(temp.resolve("content/cases/2026"));
    Files.writeString(content.resolve("ledger.txt"), "paid 400 on the 3rd\n".repeat(2000));
    Files.write(content.resolve("photo.bin"), new Random(3).ints(300_000).collect(java.io.ByteArrayOutputStream::new,
        (stream, value) -> stream.write(value), (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray());
    ExternalTool.ok("mkfs.ext4", "-q", "-F", "-d", temp.resolve("content").toString(), raw.toString());
    Path out = temp.resolve("evidence");

    Cli.Run run = acquireE01(raw, out);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Path first = out.resolve("image.E01");
    assertThat(ExternalTool.ok("fls", "-r", "-i", "ewf", first.toString()))
        .isEqualTo(ExternalTool.ok("fls", "-r", "-i", "raw", raw.toString()))
        .contains("ledger.txt", "photo.bin");
    assertThat(ExternalTool.ok("img_stat", "-i", "ewf", first.toString())).contains(ExternalTool.digestOf("md5sum", raw));
  }

  @Test
  void acquireE01_verifyImageAndSource_bothMatchAndAreRecorded() throws IOException {
    Path source = mixedSource(temp.resolve("drive.bin"), SIZE);
    Path out = temp.resolve("evidence");

    Cli.Run run = acquireE01(source, out, "--verify-image", "--verify-source");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("image check  matched", "source check matched", "E01 segment file");
    List<String> types = new ArrayList<>();
    Evidence.custodyEvents(out).forEach(event -> types.add(event.path("type").asText()));
    assertThat(types).contains("image-verified", "source-verified");
    Evidence.custodyEvents(out).stream().filter(event -> event.path("type").asText().endsWith("-verified"))
        .forEach(event -> assertThat(event.path("data").path("matched").asBoolean()).as(event.toString()).isTrue());
  }

  @Test
  void acquireE01_withoutMd5_refusedBeforeAnythingIsWritten() throws IOException {
    Path source = mixedSource(temp.resolve("drive.bin"), 1 << 20);
    Path out = temp.resolve("evidence");

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C", "--evidence", "E",
        "--examiner", "X", "--format", "e01", "--hash", "sha256", "--unsigned");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).contains("an E01 set records the MD5 of its media").doesNotContain("\n").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void acquireE01_sourceNotWholeSectors_refusedWithOneLine() throws IOException {
    Path source = mixedSource(temp.resolve("drive.bin"), (1 << 20) + 100);
    Path out = temp.resolve("evidence");

    Cli.Run run = acquireE01(source, out);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).contains("an E01 set holds whole sectors", "1048676 bytes").doesNotContain("\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void acquireE01_notesOnSeveralLines_refusedAsAnE01HeaderCannotHoldThem() throws IOException {
    Path source = mixedSource(temp.resolve("drive.bin"), 1 << 20);
    Path out = temp.resolve("evidence");

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C", "--evidence", "E",
        "--examiner", "X", "--notes", "line one\nline two", "--format", "e01", "--unsigned");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("notes", "an E01 header cannot hold it");
    assertThat(out).doesNotExist();
  }

  @Test
  void compression_withARawImage_refused() throws IOException {
    Path source = mixedSource(temp.resolve("drive.bin"), 1 << 20);

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", temp.resolve("evidence").toString(), "--case", "C",
        "--evidence", "E", "--examiner", "X", "--compression", "best", "--unsigned");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--compression is for --format e01");
  }

  @Test
  void compression_unknownLevel_refusedNamingTheValidOnes() throws IOException {
    Path source = mixedSource(temp.resolve("drive.bin"), 1 << 20);

    Cli.Run run = acquireE01(source, temp.resolve("evidence"), "--compression", "ultra");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ultra", "none, empty-block, fast, best");
  }
}

package dev.custos.image.e01;

import static dev.custos.image.e01.E01Fixtures.digest;
import static dev.custos.image.e01.E01Fixtures.hex;
import static dev.custos.testing.ExternalTool.ok;
import static dev.custos.testing.ExternalTool.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.image.ImageFile;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The E01 writer's output, checked with libewf's tools and pyewf, which nobody here wrote. */
class E01WriterTest {
  /** 3 MiB + 4096 + 512: not a multiple of the 32 KiB chunk. */
  private static final int SIZE = (3 << 20) + 4096 + 512;
  private static final long SEGMENT = 1L << 20;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(E01Compression.class)
  void write_eachCompression_ewfverifySucceedsAndToolsReadTheSource(E01Compression compression) throws IOException {
    ExternalTool.assumeInstalled("ewfverify");
    byte[] media = E01Fixtures.mixed(SIZE, 7);
    Path out = Files.createDirectory(directory.resolve("e01"));
    E01Summary summary = E01Fixtures.write(out, media, 512, SEGMENT, compression, 3, List.of());
    Path source = E01Fixtures.rawFile(directory, media);

    assertThat(summary.files()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(summary.mediaBytes()).isEqualTo(SIZE);
    assertThat(summary.chunks()).isEqualTo((SIZE + 32767) / 32768);
    assertThat(summary.storedBytes()).isEqualTo(E01Fixtures.totalSize(summary.files()));
    if (compression == E01Compression.NONE) {
      assertThat(summary.compressedChunks()).isZero();
    } else {
      assertThat(summary.compressedChunks()).isPositive();
    }
    for (ImageFile file : summary.files()) {
      Path path = out.resolve(file.name());
      assertThat(Files.size(path)).as(file.name()).isEqualTo(file.sizeBytes()).isLessThanOrEqualTo(SEGMENT);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("r--r--r--");
    }

    String verify = ok("ewfverify", "-q", out.resolve("image.E01").toString());
    assertThat(verify).contains("ewfverify: SUCCESS");

    String info = ok("ewfinfo", out.resolve("image.E01").toString());
    assertThat(info).contains("CASE-2024-17", "EV-0042", "Dana Scully", "Seized laptop drive", "bagged and tagged")
        .containsPattern("Bytes per sector:\\s+512")
        .containsPattern("Number of sectors:\\s+" + SIZE / 512)
        .contains(ExternalTool.digestOf("md5sum", source), ExternalTool.digestOf("sha1sum", source));

    Path exported = directory.resolve("exported");
    ok("ewfexport", "-q", "-u", "-f", "raw", "-t", exported.toString(), out.resolve("image.E01").toString());
    assertThat(ExternalTool.identical(source, directory.resolve("exported.raw"))).isTrue();

    assertThat(pyewfReadsSameBytes(out.resolve("image.E01"), source)).isEqualTo("same");
  }

  /** What a short pyewf script says comparing the E01's media with {@code source}. */
  static String pyewfReadsSameBytes(Path e01, Path source) {
    String script = String.join("\n",
        "import sys, pyewf",
        "h = pyewf.handle()",
        "h.open(pyewf.glob(sys.argv[1]))",
        "data = open(sys.argv[2], 'rb').read()",
        "size = h.get_media_size()",
        "got = h.read(size)",
        "print('same' if size == len(data) and got == data else 'differ %d %d' % (size, len(data)))");
    ExternalTool.Result result = run(List.of(ExternalTool.python3(), "-c", script, e01.toString(), source.toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.stdout().trim();
  }

  static String md5Of(byte[] media) {
    return hex(digest("MD5", media));
  }
}

package dev.custos.image.e01;

import static dev.custos.image.e01.E01Fixtures.digest;
import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.image.ImageFile;
import dev.custos.source.SectorRange;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File systems, 4096-byte sectors, unreadable sectors, aborts and determinism of the E01 writer. */
class E01WriterCasesTest {
  @TempDir Path directory;

  @Test
  void write_ext4FileSystem_flsOfE01EqualsFlsOfRaw() throws IOException {
    ExternalTool.assumeInstalled("mkfs.ext4");
    ExternalTool.assumeInstalled("fls");
    Path tree = Files.createDirectories(directory.resolve("tree/sub"));
    Files.writeString(tree.resolveSibling("a.txt"), "evidence\n", java.nio.charset.StandardCharsets.UTF_8);
    Files.write(tree.resolve("b.bin"), dev.custos.testing.TestBytes.random(70_000, 3));
    Path raw = directory.resolve("fs.raw");
    try (var file = new java.io.RandomAccessFile(raw.toFile(), "rw")) {
      file.setLength(8L << 20);
    }
    ok("mkfs.ext4", "-q", "-F", "-d", tree.getParent().toString(), raw.toString());
    byte[] media = Files.readAllBytes(raw);
    Path out = Files.createDirectory(directory.resolve("e01"));
    E01Fixtures.write(out, media, 512, 1 << 20, E01Compression.FAST, 2, List.of());

    String stat = ok("img_stat", out.resolve("image.E01").toString());
    if (stat.contains("MD5")) {
      assertThat(stat).contains(ExternalTool.digestOf("md5sum", raw));
    }
    String fromE01 = ok("fls", "-r", out.resolve("image.E01").toString());
    assertThat(fromE01).contains("a.txt", "b.bin").isEqualTo(ok("fls", "-r", raw.toString()));
  }

  @Test
  void write_4096ByteSectors_ewfinfoShowsThemAndEwfexportGivesTheSource() throws IOException {
    ExternalTool.assumeInstalled("ewfinfo");
    int size = (3 << 20) + 3 * 4096;
    byte[] media = E01Fixtures.mixed(size, 21);
    Path out = Files.createDirectory(directory.resolve("e01"));
    E01Summary summary = E01Fixtures.write(out, media, 4096, 1 << 20, E01Compression.BEST, 2, List.of());
    assertThat(summary.chunks()).isEqualTo((size + 262143) / 262144); // 64 sectors of 4096 bytes a chunk
    Path first = out.resolve("image.E01");
    assertThat(ok("ewfverify", "-q", first.toString())).contains("SUCCESS");
    assertThat(ok("ewfinfo", first.toString())).containsPattern("Bytes per sector:\\s+4096")
        .containsPattern("Number of sectors:\\s+" + size / 4096);
    Path source = E01Fixtures.rawFile(directory, media);
    ok("ewfexport", "-q", "-u", "-f", "raw", "-t", directory.resolve("exported").toString(), first.toString());
    assertThat(ExternalTool.identical(source, directory.resolve("exported.raw"))).isTrue();
  }

  @Test
  void finish_unreadableSectors_ewfinfoListsExactlyThoseRuns() throws IOException {
    ExternalTool.assumeInstalled("ewfinfo");
    byte[] media = E01Fixtures.mixed(1 << 20, 4);
    List<SectorRange> bad = List.of(new SectorRange(0, 1), new SectorRange(300, 17), new SectorRange(2047, 1));
    E01Fixtures.write(directory, media, 512, 1 << 20, E01Compression.FAST, 1, bad);
    String info = ok("ewfinfo", "-e", directory.resolve("image.E01").toString());
    assertThat(info).contains("total number: 3")
        .containsPattern("at sector\\(s\\): 0 - 0 number: 1")
        .containsPattern("at sector\\(s\\): 300 - 316 number: 17")
        .containsPattern("at sector\\(s\\): 2047 - 2047 number: 1");
    assertThat(ok("ewfverify", "-q", directory.resolve("image.E01").toString())).contains("SUCCESS");
  }

  @Test
  void close_withoutFinish_leavesSealedFilesAndDeletesNothing() throws IOException {
    byte[] media = E01Fixtures.mixed(3 << 20, 8);
    E01Settings settings = new E01Settings("image", 1 << 20, E01Compression.NONE, 3);
    E01Media geometry = new E01Media(media.length, 512, false, 64, E01Fixtures.GUID);
    E01Writer writer = E01Writer.create(directory, settings, geometry, E01Fixtures.fields());
    writer.write(media, 0, (2 << 20) + 1000);
    writer.close();
    writer.close();
    List<ImageFile> files = writer.files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    for (ImageFile file : files) {
      Path path = directory.resolve(file.name());
      assertThat(Files.size(path)).isEqualTo(file.sizeBytes());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("r--r--r--");
    }
    assertThatThrownBy(() -> writer.write(media, 0, 1)).isInstanceOf(IllegalStateException.class);
    // Incomplete, and says so: the last segment has no done section.
    try (E01Reader reader = E01Reader.open(directory.resolve("image.E01"))) {
      assertThat(reader.info().structureProblems()).anySatisfy(p -> assertThat(p).contains("without a next or done"));
    }
  }

  @Test
  void finish_wrongByteCount_isRefused() throws IOException {
    byte[] media = E01Fixtures.mixed(1 << 20, 8);
    E01Settings settings = new E01Settings("image", 1 << 20, E01Compression.FAST, 2);
    try (E01Writer writer = E01Writer.create(directory, settings, new E01Media(media.length, 512, true, 64, E01Fixtures.GUID),
        E01Fixtures.fields())) {
      writer.write(media, 0, 4096);
      assertThatThrownBy(() -> writer.finish(List.of(), new byte[16], Optional.empty()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("4096").hasMessageContaining("1048576");
      assertThatThrownBy(() -> writer.write(media, 0, media.length)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void create_existingFirstSegment_isNeverOpened() throws IOException {
    Files.writeString(directory.resolve("image.E01"), "not mine", java.nio.charset.StandardCharsets.UTF_8);
    E01Settings settings = new E01Settings("image", 1 << 20, E01Compression.FAST, 1);
    assertThatThrownBy(() -> E01Writer.create(directory, settings, new E01Media(512, 512, true, 64, E01Fixtures.GUID),
        E01Fixtures.fields())).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThat(Files.readString(directory.resolve("image.E01"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("not mine");
  }

  @Test
  void write_manyCompressionThreads_sameBytesAsOneThread() throws IOException {
    byte[] media = E01Fixtures.mixed((5 << 20) + 512, 13);
    Path one = Files.createDirectory(directory.resolve("one"));
    Path many = Files.createDirectory(directory.resolve("many"));
    E01Summary a = E01Fixtures.write(one, media, 512, 2 << 20, E01Compression.BEST, 1, List.of());
    E01Summary b = E01Fixtures.write(many, media, 512, 2 << 20, E01Compression.BEST, 16, List.of());
    assertThat(b.files()).isEqualTo(a.files());
    for (ImageFile file : a.files()) {
      assertThat(Files.readAllBytes(many.resolve(file.name()))).as(file.name())
          .isEqualTo(Files.readAllBytes(one.resolve(file.name())));
    }
    try (E01Reader reader = E01Reader.open(many.resolve("image.E01"))) {
      reader.readAhead(8);
      assertThat(E01ReaderTest.readAll(reader)).isEqualTo(media);
      assertThat(reader.info().storedMd5()).hasValueSatisfying(m -> assertThat(m).isEqualTo(digest("MD5", media)));
    }
  }
}

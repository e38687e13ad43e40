package dev.custos.image.e01;

import static dev.custos.image.e01.E01Fixtures.digest;
import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.testing.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The E01 reader, on sets ewfacquire made (a writer nobody here wrote) and on this writer's own. */
class E01ReaderTest {
  private static final int SIZE = (2 << 20) + 4096 + 512;

  @TempDir Path directory;

  static Stream<Arguments> acquisitions() {
    return Stream.of(
        Arguments.of("none", "100MiB"), Arguments.of("fast", "100MiB"), Arguments.of("best", "100MiB"),
        Arguments.of("none", "1MiB"), Arguments.of("fast", "1MiB"), Arguments.of("best", "1MiB"));
  }

  @ParameterizedTest
  @MethodSource("acquisitions")
  void read_ewfacquireImage_givesTheSourceAndItsStoredMd5(String compression, String segmentSize) throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 11);
    Path first = ewfacquire(media, compression, segmentSize);
    try (E01Reader reader = E01Reader.open(first)) {
      E01Info info = reader.info();
      assertThat(info.mediaBytes()).isEqualTo(SIZE);
      assertThat(info.bytesPerSector()).isEqualTo(512);
      assertThat(info.sectorCount()).isEqualTo(SIZE / 512);
      assertThat(info.sectorsPerChunk()).isEqualTo(64);
      assertThat(info.chunkCount()).isEqualTo((SIZE + 32767) / 32768);
      assertThat(info.storedMd5()).hasValueSatisfying(md5 -> assertThat(md5).isEqualTo(digest("MD5", media)));
      assertThat(info.caseFields()).containsEntry("c", "CASE-9").containsEntry("n", "EV-3").containsEntry("e", "Fox Mulder");
      assertThat(info.structureProblems()).isEmpty();
      if (segmentSize.equals("1MiB")) {
        assertThat(info.segments()).hasSizeGreaterThan(1);
      }
      assertThat(readAll(reader)).isEqualTo(media);
      assertThat(reader.damage()).isEmpty();
    }
  }

  @Test
  void read_flippedByteInCompressedChunk_namesTheChunk() throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 11);
    Path first = writableCopy(ewfacquire(media, "fast", "100MiB"));
    long chunk0 = sectorsOffset(first) + 76; // chunk 0 is zeros: compressed
    flip(first, chunk0 + 5);
    try (E01Reader reader = E01Reader.open(first)) {
      reader.readAhead(3);
      byte[] read = readAll(reader);
      assertThat(reader.damage()).singleElement().satisfies(d -> {
        assertThat(d.chunkIndex()).isZero();
        assertThat(d.firstByte()).isZero();
        assertThat(d.byteCount()).isEqualTo(32768);
        assertThat(d.firstLba()).isZero();
        assertThat(d.sectorCount()).isEqualTo(64);
        assertThat(d.segmentFile()).isEqualTo(first.getFileName().toString());
        assertThat(d.fileOffset()).isEqualTo(chunk0);
        assertThat(d.reason()).startsWith("zlib stream is corrupt");
      });
      assertThat(java.util.Arrays.copyOfRange(read, 32768, SIZE)).isEqualTo(java.util.Arrays.copyOfRange(media, 32768, SIZE));
    }
  }

  @Test
  void read_flippedByteInStoredChunk_namesTheChunkAndItsAdler32() throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 11);
    Path first = writableCopy(ewfacquire(media, "none", "100MiB"));
    long chunk3 = sectorsOffset(first) + 76 + 3 * 32772L;
    flip(first, chunk3 + 1000);
    try (E01Reader reader = E01Reader.open(first)) {
      readAll(reader);
      assertThat(reader.damage()).singleElement().satisfies(d -> {
        assertThat(d.chunkIndex()).isEqualTo(3);
        assertThat(d.firstByte()).isEqualTo(3 * 32768L);
        assertThat(d.firstLba()).isEqualTo(3 * 64L);
        assertThat(d.fileOffset()).isEqualTo(chunk3);
        assertThat(d.reason()).startsWith("Adler-32 mismatch: stored 0x");
      });
    }
  }

  @Test
  void open_flippedByteInHeader2_isAStructureProblemAndTheMediaStillReads() throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 11);
    Path first = writableCopy(ewfacquire(media, "fast", "100MiB"));
    flip(first, 13 + 76 + 40);
    try (E01Reader reader = E01Reader.open(first)) {
      assertThat(reader.info().structureProblems()).anySatisfy(p -> assertThat(p).contains("at offset 13").contains("header2"));
      assertThat(reader.info().caseFields()).containsEntry("c", "CASE-9"); // from the second header2
      assertThat(readAll(reader)).isEqualTo(media);
    }
  }

  @Test
  void open_flippedByteInSectionDescriptor_isAStructureProblem() throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 11);
    Path first = writableCopy(ewfacquire(media, "fast", "100MiB"));
    long sectors = sectorsOffset(first);
    flip(first, sectors + 40); // padding: the chain still holds, the checksum does not
    try (E01Reader reader = E01Reader.open(first)) {
      assertThat(reader.info().structureProblems())
          .anySatisfy(p -> assertThat(p).contains("at offset " + sectors).contains("Adler-32 mismatch"));
      assertThat(readAll(reader)).isEqualTo(media);
    }
  }

  @Test
  void read_ownImage_givesTheMediaAndTheCaseFields() throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 5);
    E01Fixtures.write(directory, media, 512, 1 << 20, E01Compression.FAST, 2,
        List.of(new dev.custos.source.SectorRange(100, 8)));
    try (E01Reader reader = E01Reader.open(directory.resolve("image.E01"))) {
      E01Info info = reader.info();
      assertThat(info.structureProblems()).isEmpty();
      assertThat(info.caseFields()).containsEntry("c", "CASE-2024-17").containsEntry("a", "Seized laptop drive")
          .containsEntry("m", Long.toString(E01Fixtures.WHEN.getEpochSecond()));
      assertThat(info.guid()).contains(E01Fixtures.GUID);
      assertThat(info.storedSha1()).hasValueSatisfying(s -> assertThat(s).isEqualTo(digest("SHA-1", media)));
      assertThat(info.errors()).containsExactly(new dev.custos.source.SectorRange(100, 8));
      assertThat(readAll(reader)).isEqualTo(media);
      assertThat(reader.damage()).isEmpty();
    }
  }

  @Test
  void open_missingLaterSegment_namesIt() throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 11);
    Path first = ewfacquire(media, "none", "1MiB");
    Path copy = Files.createDirectory(directory.resolve("copy"));
    Files.copy(first, copy.resolve("image.E01"));
    assertThatThrownBy(() -> E01Reader.open(copy.resolve("image.E01"))).isInstanceOf(E01FormatException.class)
        .hasMessageContaining("image.E02").hasMessageContaining("segment 2 is missing");
  }

  @Test
  void read_truncatedLastSegment_isNamedAsDamageOrStructureProblem() throws IOException {
    byte[] media = E01Fixtures.mixed(SIZE, 11);
    Path first = ewfacquire(media, "none", "1MiB");
    Path copy = Files.createDirectory(directory.resolve("copy"));
    for (String ext : List.of("E01", "E02", "E03")) {
      Files.copy(first.resolveSibling("image." + ext), copy.resolve("image." + ext));
    }
    Path last = copy.resolve("image.E03");
    Files.setPosixFilePermissions(last, PosixFilePermissions.fromString("rw-r--r--"));
    try (RandomAccessFile file = new RandomAccessFile(last.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
    try (E01Reader reader = E01Reader.open(copy.resolve("image.E01"))) {
      assertThat(reader.info().structureProblems()).anySatisfy(p -> assertThat(p).contains("image.E03").contains("truncated"));
      readAll(reader);
      assertThat(reader.damage()).isNotEmpty().allSatisfy(d -> assertThat(d.reason()).isNotEmpty());
    }
  }

  private Path ewfacquire(byte[] media, String compression, String segmentSize) throws IOException {
    ExternalTool.assumeInstalled("ewfacquire");
    Path source = Files.write(directory.resolve("source-" + compression + segmentSize + ".raw"), media);
    Path out = Files.createDirectories(directory.resolve("acq-" + compression + "-" + segmentSize));
    ok("ewfacquire", "-u", "-q", "-t", out.resolve("image").toString(), "-f", "encase6", "-c", compression,
        "-S", segmentSize, "-C", "CASE-9", "-E", "EV-3", "-e", "Fox Mulder", "-D", "test", "-N", "none", source.toString());
    return out.resolve("image.E01");
  }

  private Path writableCopy(Path first) throws IOException {
    Path copy = Files.createDirectories(directory.resolve("tampered"));
    Path target = copy.resolve(first.getFileName());
    Files.copy(first, target);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    return target;
  }

  /** The offset of the first sectors section descriptor, found by its type string, not by this reader. */
  private static long sectorsOffset(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] type = "sectors\0".getBytes(StandardCharsets.US_ASCII);
    for (int i = 13; i < bytes.length - type.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + type.length, type, 0, type.length)) {
        return i;
      }
    }
    throw new AssertionError("no sectors section in " + file);
  }

  private static void flip(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x5a);
    }
  }

  static byte[] readAll(E01Reader reader) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[50_000];
    int n;
    while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}

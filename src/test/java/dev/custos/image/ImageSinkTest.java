package dev.custos.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.io.SourceFileKey;
import dev.custos.io.SourceWriteRefusedException;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.TestBytes;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageSinkTest {

  static Stream<Arguments> sizesAndSegments() {
    // Small images in small segments; large ones in segments that keep the file count (and the
    // fsyncs) low but still leave a short last segment.
    return TestBytes.awkwardSizes().boxed().flatMap(size -> size <= 8192
        ? Stream.of(Arguments.of(size, 512L), Arguments.of(size, 1536L))
        : Stream.of(Arguments.of(size, 65536L), Arguments.of(size, 512L * 1023)));
  }

  @ParameterizedTest(name = "{0} bytes in segments of {1}")
  @MethodSource("sizesAndSegments")
  void write_split_segmentsOfExactlySegmentSizeLastShorterConcatenationEqualsInput(
      int size, long segmentSize, @TempDir Path dir) throws Exception {
    Path input = TestBytes.file(dir, "input", size, size + segmentSize);
    Path out = Files.createDirectory(dir.resolve("evidence"));
    ImageLayout layout = ImageLayout.split(segmentSize, 512);

    try (ImageSink sink = new ImageSink(out, layout)) {
      writeInChunks(sink, Files.readAllBytes(input), 700);
    }

    int expectedFiles = (int) ((size + segmentSize - 1) / segmentSize);
    List<Path> segments = new ArrayList<>();
    for (int i = 0; i < expectedFiles; i++) {
      Path segment = out.resolve(layout.fileName(i));
      long expectedSize = Math.min(segmentSize, size - i * segmentSize);
      assertThat(Files.size(segment)).as("size of %s", segment.getFileName()).isEqualTo(expectedSize);
      segments.add(segment);
    }
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no file beyond the expected segments")
          .containsExactlyInAnyOrderElementsOf(segments.stream().map(p -> p.getFileName().toString()).toList());
    }
    Path joined = concatenate(segments, dir.resolve("joined"));
    assertThat(ExternalTool.identical(input, joined)).as("cmp input joined").isTrue();
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("dev.custos.testing.TestBytes#awkwardSizes")
  void write_raw_oneFileIdenticalToTheInput(int size, @TempDir Path dir) throws Exception {
    Path input = TestBytes.file(dir, "input", size, size);
    Path out = Files.createDirectory(dir.resolve("evidence"));
    ImageSink sink = new ImageSink(out, ImageLayout.raw("dd"));

    writeInChunks(sink, Files.readAllBytes(input), 4096 + 1);
    sink.close();

    if (size == 0) {
      assertThat(sink.files()).as("an image of zero bytes has no files").isEmpty();
      assertThat(out).isEmptyDirectory();
      return;
    }
    assertThat(sink.files()).containsExactly(new ImageFile("image.dd", size));
    assertThat(ExternalTool.identical(input, out.resolve("image.dd"))).as("cmp input image.dd").isTrue();
  }

  @Test
  void close_everyFinishedFile_isMode0444(@TempDir Path dir) throws Exception {
    ImageSink sink = new ImageSink(dir, ImageLayout.split(1024, 512));

    sink.write(TestBytes.random(2500, 1), 0, 2500);
    sink.close();

    assertThat(sink.files()).extracting(ImageFile::name).containsExactly("image.001", "image.002", "image.003");
    for (ImageFile file : sink.files()) {
      Path path = dir.resolve(file.name());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("r--r--r--");
      assertThat(ExternalTool.ok("stat", "-c", "%a", path.toString()).strip())
          .as("stat of %s", file.name()).isEqualTo("444");
    }
  }

  @Test
  void write_fullSegment_isSealedBeforeTheImageEnds(@TempDir Path dir) throws Exception {
    ImageSink sink = new ImageSink(dir, ImageLayout.split(1024, 512));

    sink.write(new byte[1500], 0, 1500);

    assertThat(sink.files()).containsExactly(new ImageFile("image.001", 1024));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("image.001"))))
        .isEqualTo("r--r--r--");
    assertThat(sink.totalBytes()).isEqualTo(1500);
    sink.close();
    assertThat(sink.files()).containsExactly(new ImageFile("image.001", 1024), new ImageFile("image.002", 476));
  }

  @Test
  void write_existingImage001_throwsFileAlreadyExistsAndLeavesItUntouched(@TempDir Path dir) throws Exception {
    Path existing = Files.writeString(dir.resolve("image.001"), "evidence of an earlier case", StandardCharsets.UTF_8);
    Path reference = Files.copy(existing, Files.createDirectory(dir.resolve("reference")).resolve("image.001"));
    FileTime modified = Files.getLastModifiedTime(existing);
    ImageSink sink = new ImageSink(dir, ImageLayout.split(1024, 512));

    assertThatExceptionOfType(FileAlreadyExistsException.class)
        .isThrownBy(() -> sink.write(new byte[600], 0, 600))
        .withMessageContaining("image.001");
    sink.close();

    assertThat(ExternalTool.identical(reference, existing)).as("cmp: image.001 unchanged").isTrue();
    assertThat(Files.getLastModifiedTime(existing)).isEqualTo(modified);
    assertThat(sink.files()).isEmpty();
    assertThat(sink.totalBytes()).isZero();
  }

  @Test
  void write_existingSecondSegment_throwsAtTheBoundaryAndLeavesItUntouched(@TempDir Path dir) throws Exception {
    Path existing = Files.writeString(dir.resolve("image.002"), "not ours", StandardCharsets.UTF_8);
    ImageSink sink = new ImageSink(dir, ImageLayout.split(512, 512));

    assertThatExceptionOfType(FileAlreadyExistsException.class)
        .isThrownBy(() -> sink.write(new byte[1000], 0, 1000));
    sink.close();

    assertThat(Files.readString(existing, StandardCharsets.UTF_8)).isEqualTo("not ours");
    assertThat(sink.files()).containsExactly(new ImageFile("image.001", 512));
  }

  @Test
  void write_existingRawImage_throwsFileAlreadyExistsAndLeavesItUntouched(@TempDir Path dir) throws Exception {
    Path existing = Files.writeString(dir.resolve("image.ima"), "earlier image", StandardCharsets.UTF_8);
    ImageSink sink = new ImageSink(dir, ImageLayout.raw("ima"));

    assertThatExceptionOfType(FileAlreadyExistsException.class).isThrownBy(() -> sink.write(new byte[1], 0, 1));
    sink.close();

    assertThat(Files.readString(existing, StandardCharsets.UTF_8)).isEqualTo("earlier image");
  }

  @ParameterizedTest(name = "offset {0}")
  @ValueSource(ints = {0, 1, 511})
  void write_sliceOfABiggerArray_writesExactlyThatSlice(int offset, @TempDir Path dir) throws Exception {
    byte[] buffer = TestBytes.random(2048, offset);
    Path expected = Files.write(dir.resolve("expected"), Arrays.copyOfRange(buffer, offset, offset + 1000));
    Path out = Files.createDirectory(dir.resolve("evidence"));

    try (ImageSink sink = new ImageSink(out, ImageLayout.raw("img"))) {
      sink.write(buffer, offset, 1000);
    }

    assertThat(ExternalTool.identical(expected, out.resolve("image.img"))).isTrue();
  }

  @Test
  void close_calledTwice_isHarmless(@TempDir Path dir) throws Exception {
    ImageSink sink = new ImageSink(dir, ImageLayout.raw("ima"));
    sink.write(new byte[10], 0, 10);

    sink.close();
    sink.close();

    assertThat(sink.files()).containsExactly(new ImageFile("image.ima", 10));
  }

  private static void writeInChunks(ImageSink sink, byte[] data, int chunk) throws Exception {
    for (int offset = 0; offset < data.length; offset += chunk) {
      sink.write(data, offset, Math.min(chunk, data.length - offset));
    }
  }

  private static Path concatenate(List<Path> parts, Path target) throws Exception {
    try (OutputStream out = Files.newOutputStream(target)) {
      for (Path part : parts) {
        Files.copy(part, out);
      }
    }
    return target;
  }

  /** A segment killed between its last write and its sealing is sealed when the resumption closes. */
  @Test
  void resuming_sealsTheWholeSegmentsBeforeTheResumePoint(@TempDir Path dir) throws Exception {
    ImageLayout layout = ImageLayout.split(4096, 512);
    byte[] data = new byte[4096 * 2 + 1024];
    Arrays.fill(data, (byte) 7);
    Files.write(dir.resolve(layout.fileName(0)), Arrays.copyOfRange(data, 0, 4096));
    Files.write(dir.resolve(layout.fileName(1)), Arrays.copyOfRange(data, 4096, 8192));
    Files.setPosixFilePermissions(dir.resolve(layout.fileName(0)), PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(dir.resolve(layout.fileName(1)), PosixFilePermissions.fromString("rw-r--r--"));

    ImageSink sink = ImageSink.resuming(dir, layout, 8192);
    sink.write(data, 8192, 1024);
    sink.close();

    for (int i = 0; i < 3; i++) {
      assertThat(Files.getPosixFilePermissions(dir.resolve(layout.fileName(i)))).as(layout.fileName(i))
          .isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
    }
  }

  /** The source renamed into the directory as the image being resumed: neither made writable, cut nor written. */
  @Test
  void resuming_imageIsTheSource_refusedNamingBoth_sourceUnchanged(@TempDir Path dir) throws Exception {
    byte[] source = new byte[8192];
    Arrays.fill(source, (byte) 3);
    Path original = Files.write(dir.resolve("source.bin"), source);
    SourceFileKey notSource = SourceFileKey.of(original);
    Files.setPosixFilePermissions(original, PosixFilePermissions.fromString("r--r-----"));
    ImageLayout layout = ImageLayout.raw("ima");
    Path image = Files.move(original, dir.resolve(layout.fileName(0)));

    ImageSink sink = ImageSink.resuming(dir, layout, 4096, notSource);

    assertThatThrownBy(() -> sink.write(new byte[512], 0, 512))
        .isInstanceOf(SourceWriteRefusedException.class)
        .hasMessageStartingWith("refusing to write to " + image + ": it is the source " + original + " itself");
    assertThat(image).hasBinaryContent(source);
    assertThat(Files.getPosixFilePermissions(image)).isEqualTo(PosixFilePermissions.fromString("r--r-----"));
  }
}

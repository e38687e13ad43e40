package dev.custos.image;

import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.error.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examiner names the first file of an image another tool acquired; Custos finds every segment
 * in the order the tool wrote them, or refuses, naming the files, rather than read a different
 * image. Sets are made by GNU {@code split} itself, with pieces that are each different, so reading
 * them in the order found gives back the original bytes only if that order is split's.
 */
class SplitSetTest {
  @TempDir Path dir;

  /** {@code pieces} two-byte pieces, each holding its own number: any misordering changes the bytes. */
  private Path original(int pieces) throws IOException {
    byte[] bytes = new byte[2 * pieces];
    for (int i = 0; i < pieces; i++) {
      bytes[2 * i] = (byte) (i >> 8);
      bytes[2 * i + 1] = (byte) i;
    }
    return Files.write(dir.resolve("source.bin"), bytes);
  }

  private static byte[] concatenation(List<Path> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Path file : files) {
      out.write(Files.readAllBytes(file));
    }
    return out.toByteArray();
  }

  private List<String> names(List<Path> files) {
    return files.stream().map(file -> file.getFileName().toString()).toList();
  }

  private void touch(String... names) throws IOException {
    for (String name : names) {
      Files.write(dir.resolve(name), name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  static Stream<Arguments> splitRuns() {
    return Stream.of(
        // options, pieces, first segment, the last names split wrote
        Arguments.of(List.of("-d", "-a", "3", "--numeric-suffixes=1"), 12, "image.001", List.of("image.011", "image.012")),
        Arguments.of(List.of("-d", "-a", "3", "--numeric-suffixes=0"), 12, "image.000", List.of("image.010", "image.011")),
        Arguments.of(List.of("-d"), 200, "image.00", List.of("image.89", "image.9000", "image.9109")),
        Arguments.of(List.of("-d", "-a", "2"), 100, "image.00", List.of("image.89", "image.90", "image.99")),
        Arguments.of(List.of("--numeric-suffixes=1"), 99, "image.01", List.of("image.98", "image.99")),
        Arguments.of(List.of(), 700, "image.aa", List.of("image.yz", "image.zaaa", "image.zabx")),
        Arguments.of(List.of("-a", "2"), 676, "image.aa", List.of("image.yz", "image.za", "image.zz")),
        Arguments.of(List.of("-a", "3"), 30, "image.aaa", List.of("image.aab", "image.abd")));
  }

  @ParameterizedTest(name = "split {0}: {1} pieces from {2}")
  @MethodSource("splitRuns")
  void files_setMadeBySplit_everySegmentInSplitsOrder(List<String> options, int pieces, String first,
      List<String> lastNames) throws Exception {
    Path source = original(pieces);
    List<String> command = new ArrayList<>(List.of("split", "-b", "2"));
    command.addAll(options);
    command.addAll(List.of(source.toString(), dir.resolve("image.").toString()));
    ok(command.toArray(String[]::new));

    List<Path> files = SplitSet.files(dir.resolve(first));

    assertThat(files).hasSize(pieces);
    assertThat(names(files)).startsWith(first).containsSubsequence(lastNames).endsWith(lastNames.get(lastNames.size() - 1));
    assertThat(concatenation(files)).isEqualTo(Files.readAllBytes(source));
  }

  @Test
  void files_numberedPastNineHundredNinetyNine_continuesAtThousand() throws Exception {
    // FTK Imager, Guymager and Custos's own ImageLayout go on at .1000; split -a 3 stops at .999.
    ImageLayout layout = ImageLayout.split(512, 512);
    for (int i = 0; i < 1002; i++) {
      touch(layout.fileName(i));
    }

    List<String> names = names(SplitSet.files(dir.resolve("image.001")));

    assertThat(names).hasSize(1002).startsWith("image.001", "image.002")
        .containsSubsequence("image.999", "image.1000", "image.1001", "image.1002").endsWith("image.1002");
  }

  @Test
  void files_custosSegments_inTheOrderImageSinkWroteThem() throws Exception {
    byte[] bytes = dev.custos.testing.TestBytes.random(5 * 512 + 100, 7);
    try (ImageSink sink = new ImageSink(dir, ImageLayout.split(1024, 512))) {
      sink.write(bytes, 0, bytes.length);
    }

    List<Path> files = SplitSet.files(dir.resolve("image.001"));

    assertThat(names(files)).containsExactly("image.001", "image.002", "image.003");
    assertThat(concatenation(files)).isEqualTo(bytes);
  }

  @Test
  void files_otherName_singleFileImage() throws Exception {
    touch("disk.dd", "disk.dd.md5", "disk.txt", "disk.002", "noextension", "image.E01", "image.E02");

    for (String name : List.of("disk.dd", "disk.dd.md5", "noextension", "image.E01")) {
      assertThat(SplitSet.files(dir.resolve(name))).as(name).containsExactly(dir.resolve(name));
    }
  }

  @Test
  void files_firstSegmentWithoutSuccessor_setOfOne() throws Exception {
    touch("image.001", "image.txt", "image.log", "image.0001.md5");

    assertThat(SplitSet.files(dir.resolve("image.001"))).containsExactly(dir.resolve("image.001"));
  }

  @Test
  void files_relativePath_siblingsKeepItsForm() throws Exception {
    touch("image.001", "image.002");
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("image.001"));

    assertThat(SplitSet.files(relative)).containsExactly(relative, relative.resolveSibling("image.002"));
  }

  @Test
  void files_segmentMissingInTheMiddle_refusedNamingMissingAndLaterSegments() throws Exception {
    touch("image.001", "image.002", "image.004", "image.005");

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(dir.resolve("image.001")))
        .withMessageContaining("gap")
        .withMessageContaining("image.003 is missing after image.002")
        .withMessageContaining("image.004, image.005");
  }

  @Test
  void files_secondSegmentMissing_refused() throws Exception {
    Path source = original(5);
    ok("split", "-b", "2", source.toString(), dir.resolve("image.").toString());
    Files.delete(dir.resolve("image.ab"));

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(dir.resolve("image.aa")))
        .withMessageContaining("image.ab is missing after image.aa")
        .withMessageContaining("image.ac, image.ad, image.ae");
  }

  @Test
  void files_gapAcrossTheWidening_refused() throws Exception {
    Path source = original(660);
    ok("split", "-b", "2", source.toString(), dir.resolve("image.").toString());
    Files.delete(dir.resolve("image.zaaa"));

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(dir.resolve("image.aa")))
        .withMessageContaining("image.zaaa or image.za is missing after image.yz")
        .withMessageContaining("image.zaab");
  }

  @Test
  void files_laterSegmentGiven_refusedNamingTheFirst() throws Exception {
    touch("image.001", "image.002", "image.003");

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(dir.resolve("image.002")))
        .withMessage(dir.resolve("image.002") + " is segment 2 of the split image that begins with image.001: "
            + "give the first segment, " + dir.resolve("image.001"));
  }

  @Test
  void files_oneGivenWhenSetBeginsAtZero_refusedNamingTheFirst() throws Exception {
    Path source = original(4);
    ok("split", "-b", "2", "-d", "-a", "3", source.toString(), dir.resolve("image.").toString());

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(dir.resolve("image.001")))
        .withMessageContaining("segment 2 of the split image that begins with image.000");
  }

  @Test
  void files_bothWidenedAndFixedNamesAfterYz_refusedAsAmbiguous() throws Exception {
    Path source = original(652);
    ok("split", "-b", "2", source.toString(), dir.resolve("image.").toString());
    touch("image.za");

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(dir.resolve("image.aa")))
        .withMessageContaining("image.zaaa and image.za")
        .withMessageContaining("after image.yz");
  }

  @Test
  void files_directory_refused() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("image.001"));

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(directory))
        .withMessage(directory + " is a directory: give the image file (for a split image, its first segment)");
  }

  @Test
  void files_missing_refused() {
    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> SplitSet.files(dir.resolve("image.001")))
        .withMessage("image file not found: " + dir.resolve("image.001"));
  }
}

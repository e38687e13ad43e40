package dev.custos.verify;

import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.error.UsageException;
import dev.custos.testing.TestBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An examiner hands over the checksum list another tool's user made with {@code md5sum}, {@code
 * sha1sum}, {@code sha256sum} or {@code sha512sum}; Custos takes from it exactly the digests of the
 * image, or refuses, naming the line or the names the list holds. The lists here are what the real
 * tools print.
 */
class DigestListTest {
  private static final List<String> TOOLS = List.of("md5sum", "sha1sum", "sha256sum", "sha512sum");
  private static final List<HashAlgorithm> ALGORITHMS =
      List.of(HashAlgorithm.MD5, HashAlgorithm.SHA_1, HashAlgorithm.SHA_256, HashAlgorithm.SHA_512);
  private static final String AWKWARD_SPACES = "disk image 2.dd";
  private static final String AWKWARD_BACKSLASH = "back\\slash.dd";
  private static final String AWKWARD_NEWLINE = "new\nline.dd";
  private static final String AWKWARD_RETURN = "carriage\rreturn.dd";

  @TempDir Path dir;
  private Path image;

  @BeforeEach
  void writeImage() throws IOException {
    image = TestBytes.file(dir, "image.dd", 5000, 1);
  }

  /** Runs {@code command} in the test directory, so the list names files as the examiner typed them. */
  private String inDir(String... command) {
    List<String> line = new ArrayList<>(List.of("sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", dir.toString()));
    line.addAll(List.of(command));
    return ok(line.toArray(String[]::new));
  }

  private String shell(String script) {
    return ok("sh", "-c", "cd \"$1\" && " + script, "sh", dir.toString());
  }

  private static List<Digest> allDigestsOf(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return ALGORITHMS.stream().map(algorithm -> Digest.compute(algorithm, bytes)).toList();
  }

  static Stream<Arguments> toolsAndModes() {
    List<Arguments> runs = new ArrayList<>();
    for (int i = 0; i < TOOLS.size(); i++) {
      for (List<String> mode : List.of(List.<String>of(), List.of("--binary"), List.of("--tag"))) {
        runs.add(Arguments.of(TOOLS.get(i), mode, ALGORITHMS.get(i)));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("toolsAndModes")
  void expectedFor_listMadeByTheTool_theDigestItPrinted(String tool, List<String> mode, HashAlgorithm algorithm)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(tool));
    command.addAll(mode);
    command.add("image.dd");
    String list = inDir(command.toArray(String[]::new));
    String printed = dev.custos.testing.ExternalTool.digestOf(tool, image);

    List<Digest> expected = DigestList.parse(list).expectedFor(List.of(image));

    assertThat(expected).containsExactly(Digest.fromHex(algorithm, printed));
  }

  @Test
  void expectedFor_listsOfAllFourToolsTogether_oneDigestEachInAlgorithmOrder() throws Exception {
    String list = inDir("sha512sum", "--tag", "image.dd") + inDir("md5sum", "image.dd")
        + inDir("sha256sum", "-b", "image.dd") + inDir("sha1sum", "image.dd");

    assertThat(DigestList.parse(list).expectedFor(List.of(image))).containsExactlyElementsOf(allDigestsOf(image));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "--tag"})
  void expectedFor_awkwardNames_eachFileGetsItsOwnDigest(String tag) throws Exception {
    List<String> names = List.of(AWKWARD_SPACES, AWKWARD_BACKSLASH, AWKWARD_NEWLINE, AWKWARD_RETURN, "image.dd");
    long seed = 2;
    for (String name : names.subList(0, 4)) {
      TestBytes.file(dir, name, 100, seed++);
    }
    StringBuilder list = new StringBuilder();
    for (String tool : TOOLS) {
      List<String> command = new ArrayList<>(List.of(tool));
      if (!tag.isEmpty()) {
        command.add(tag);
      }
      command.addAll(names);
      list.append(inDir(command.toArray(String[]::new)));
    }
    assertThat(list.toString()).as("GNU escapes these names").contains("new\\nline.dd", "back\\\\slash.dd");

    DigestList digests = DigestList.parse(list.toString());

    assertThat(digests.names()).containsExactlyElementsOf(names);
    for (String name : names) {
      assertThat(digests.expectedFor(List.of(dir.resolve(name)))).as(name)
          .containsExactlyElementsOf(allDigestsOf(dir.resolve(name)));
    }
  }

  @Test
  void expectedFor_opensslDgstOutput_oneDigestEach() throws Exception {
    String list = inDir("openssl", "dgst", "-md5", "image.dd") + inDir("openssl", "dgst", "-sha1", "image.dd")
        + inDir("openssl", "dgst", "-sha256", "image.dd") + inDir("openssl", "dgst", "-sha512", "image.dd");

    assertThat(DigestList.parse(list).expectedFor(List.of(image))).containsExactlyElementsOf(allDigestsOf(image));
  }

  @Test
  void expectedFor_zeroTerminatedList_namesTakenAsTheyAre() throws Exception {
    Path awkward = TestBytes.file(dir, AWKWARD_NEWLINE, 100, 3);
    TestBytes.file(dir, AWKWARD_BACKSLASH, 100, 4);
    String list = inDir("sha256sum", "-z", AWKWARD_NEWLINE, AWKWARD_BACKSLASH, "image.dd");

    DigestList digests = DigestList.parse(list);

    assertThat(digests.names()).containsExactly(AWKWARD_NEWLINE, AWKWARD_BACKSLASH, "image.dd");
    assertThat(digests.expectedFor(List.of(awkward))).containsExactly(allDigestsOf(awkward).get(2));
  }

  @Test
  void expectedFor_splitImageHashedThroughCat_digestOfTheWhole() throws Exception {
    shell("split -b 1024 -d -a 3 --numeric-suffixes=1 image.dd image.");
    List<Path> segments = List.of(dir.resolve("image.001"), dir.resolve("image.002"), dir.resolve("image.003"),
        dir.resolve("image.004"), dir.resolve("image.005"));
    String list = shell("cat image.0* | md5sum; cat image.0* | sha256sum --tag");

    List<Digest> expected = DigestList.parse(list).expectedFor(segments);

    assertThat(expected).containsExactly(allDigestsOf(image).get(0), allDigestsOf(image).get(2));
  }

  @Test
  void expectedFor_singleFileHashedFromStdin_digestOfTheFile() throws Exception {
    String list = shell("sha1sum < image.dd");

    assertThat(DigestList.parse(list).expectedFor(List.of(image))).containsExactly(allDigestsOf(image).get(1));
  }

  @Test
  void expectedFor_perSegmentDigests_refusedNamingTheSegments() throws Exception {
    shell("split -b 1024 -d -a 3 --numeric-suffixes=1 image.dd image.");
    List<Path> segments = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      segments.add(dir.resolve("image.00" + i));
    }
    String list = shell("md5sum image.0*");

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.parse(list).expectedFor(segments))
        .withMessageContaining("per-segment digests (image.001, image.002, image.003, image.004, image.005)")
        .withMessageContaining("not supported yet");
  }

  @Test
  void expectedFor_listMadeWithAnotherPath_matchedByFileName() throws Exception {
    String list = ok("sha256sum", image.toString()).replace(dir.toString(), "/mnt/acquisition/case-17");
    Files.writeString(dir.resolve("other.dd"), "x", StandardCharsets.UTF_8);
    String withOther = list + inDir("sha256sum", "other.dd");

    assertThat(DigestList.parse(withOther).expectedFor(List.of(image))).containsExactly(allDigestsOf(image).get(2));
  }

  @Test
  void expectedFor_listNamingOneOtherFile_takenAsTheImages() throws Exception {
    Files.copy(image, dir.resolve("original.dd"));
    String list = inDir("md5sum", "original.dd") + inDir("sha512sum", "--tag", "original.dd");

    assertThat(DigestList.parse(list).expectedFor(List.of(image)))
        .containsExactly(allDigestsOf(image).get(0), allDigestsOf(image).get(3));
  }

  @Test
  void expectedFor_listOfOtherFilesOnly_refusedNamingThem() throws Exception {
    Files.writeString(dir.resolve("a.dd"), "a", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b c.dd"), "b", StandardCharsets.UTF_8);
    String list = inDir("md5sum", "a.dd", "b c.dd");

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.parse(list).expectedFor(List.of(image)))
        .withMessage("the digest list holds no digest for " + image + " (nor for '-'); it names a.dd, b c.dd");
  }

  @Test
  void expectedFor_twoDifferentDigestsOfOneAlgorithm_refusedNamingTheLines() throws Exception {
    String list = inDir("sha1sum", "image.dd") + inDir("md5sum", "image.dd")
        + "# made again after the copy\n" + "0123456789abcdef0123456789abcdef  image.dd\n";

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.parse(list).expectedFor(List.of(image)))
        .withMessage("the digest list, lines 2 and 4: different MD5 digests for " + image);
  }

  @Test
  void expectedFor_sameDigestTwice_oneDigest() throws Exception {
    String list = inDir("md5sum", "image.dd") + inDir("md5sum", "--tag", "image.dd") + shell("md5sum < image.dd");

    assertThat(DigestList.parse(list).expectedFor(List.of(image))).containsExactly(allDigestsOf(image).get(0));
  }

  @Test
  void parse_windowsLineEndsUppercaseHexCommentsByteOrderMarkAndOuterWhiteSpace_read() throws Exception {
    String md5 = allDigestsOf(image).get(0).hex().toUpperCase(java.util.Locale.ROOT);
    String sha1 = allDigestsOf(image).get(1).hex();
    String list = "\uFEFF# exported on the lab PC\r\n\r\n" + md5 + " *image.dd\r\n\t SHA1 (image.dd) = " + sha1 + "  \r\n";

    assertThat(DigestList.parse(list).expectedFor(List.of(image)))
        .containsExactly(allDigestsOf(image).get(0), allDigestsOf(image).get(1));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {
      "hello world",
      "d41d8cd98f00b204e9800998ecf8427e",
      "d41d8cd98f00b204e9800998ecf8427  short.dd",
      "d41d8cd98f00b204e9800998ecf8427g  nothex.dd",
      "MD5 (x.dd) = d41d8cd98f00b204e9800998ecf8427",
      "SHA256 (x.dd) = d41d8cd98f00b204e9800998ecf8427e",
      "SHA384 (x.dd) = d41d8cd98f00b204e9800998ecf8427e",
      "\\d41d8cd98f00b204e9800998ecf8427e  bad\\qescape.dd",
      "\\d41d8cd98f00b204e9800998ecf8427e  trailing\\"})
  void parse_malformedLine_refusedNamingTheLine(String line) {
    String list = "d41d8cd98f00b204e9800998ecf8427e  empty.dd\n" + line + "\n";

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.parse(list))
        .withMessageStartingWith("line 2: ")
        .withMessageNotContaining("\n");
  }

  @Test
  void parse_malformedLine_messageSaysWhatWasExpected() {
    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.parse("hello world\n"))
        .withMessage("line 1: not a digest line: expected 'HEX  NAME' (as md5sum, sha256sum … print it) or "
            + "'SHA256 (NAME) = HEX' (as with --tag)");
    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.parse("SHA384 (x.dd) = 00\n"))
        .withMessage("line 1: SHA384 digests are none Custos verifies (md5, sha1, sha256, sha512)");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "\n\n", "# only a comment\n"})
  void parse_noDigestLine_refused(String list) {
    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.parse(list))
        .withMessage("the digest list holds no digest line");
  }

  @Test
  void read_file_messagesNameTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("hashes.txt"), inDir("md5sum", "image.dd") + "oops\n",
        StandardCharsets.UTF_8);

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.read(file))
        .withMessageStartingWith(file + ", line 2: not a digest line");
  }

  @Test
  void read_missingOrDirectory_refused() {
    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.read(dir.resolve("absent.md5")))
        .withMessage("digest list not found: " + dir.resolve("absent.md5"));
    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DigestList.read(dir))
        .withMessage("digest list " + dir + " is a directory");
  }
}

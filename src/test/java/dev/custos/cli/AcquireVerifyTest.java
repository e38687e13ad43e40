package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import dev.custos.testing.PythonJsonSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code acquire image --verify-image / --verify-source}: the image read back from the disk and the
 * source read again once the manifest is written, each compared and recorded as its own custody
 * event; a mismatch exits 1 naming what differs, and the acquisition stays recorded.
 */
class AcquireVerifyTest {
  /** Not a multiple of 4096: the last direct read of the image is a short one. */
  private static final long SIZE = (5L << 20) + 512;
  private static final Path CUSTODY_SCHEMA = Path.of("evidence-schema/custody-event.schema.json").toAbsolutePath();

  @TempDir Path temp;

  private record Run(int exitCode, String out, String err) {}

  /** {@code acquire image SOURCE --out OUT …} with {@code beforeChecks} run between the manifest and the checks. */
  private static Run acquire(Path source, Path out, AfterAcquisitionChecks.BeforeChecks beforeChecks, String... extra) {
    List<String> args = new ArrayList<>(List.of("acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "2026-0142", "--evidence", "HDD-01", "--examiner", "Jane Doe", "--unsigned",
        "--hash", "md5,sha256", "--piece-size", "1MiB"));
    args.addAll(List.of(extra));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = CustosCommand.commandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true), Environment.system(),
        beforeChecks).execute(args.toArray(String[]::new));
    return new Run(code, stdout.toString(), stderr.toString());
  }

  private static JsonNode event(Path out, String type) {
    return Evidence.custodyEvents(out).stream().filter(event -> event.get("type").asText().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " event in " + Evidence.custodyEvents(out)));
  }

  private static String computed(JsonNode event, String algorithm) {
    for (JsonNode digest : event.get("data").get("digests")) {
      if (digest.get("algorithm").asText().equals(algorithm)) {
        return digest.get("computed").asText();
      }
    }
    throw new AssertionError("no " + algorithm + " in " + event);
  }

  /** pdftotext's text with its ligatures (ﬁ) undone, so words read as typed. */
  private static String reportText(Path out) {
    return Normalizer.normalize(ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-"), Normalizer.Form.NFKC);
  }

  private static void assertEventsValid(Path out) throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("custody.jsonl"), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Path line = Files.writeString(out.resolveSibling("event-" + i + ".json"), lines.get(i), StandardCharsets.UTF_8);
      PythonJsonSchema.Result result = PythonJsonSchema.validate(CUSTODY_SCHEMA, line);
      assertThat(result.valid()).as("custody event %d: %s", i, result.output()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"raw", "split"})
  void verifyImageAndSource_realAcquisition_matchesMd5sumAndSha256sum(String format) throws IOException {
    Path source = Evidence.randomFile(temp.resolve("drive.bin"), SIZE, 41);
    Path out = temp.resolve("evidence");

    Run run = acquire(source, out, AfterAcquisitionChecks.BeforeChecks.NOTHING, "--verify-image", "--verify-source",
        "--format", format, "--segment-size", "2MiB");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<Path> image = new ArrayList<>();
    try (var files = Files.list(out)) {
      files.filter(file -> file.getFileName().toString().startsWith("image.")).sorted().forEach(image::add);
    }
    Path whole = temp.resolve("image-as-one.bin");
    try (var target = Files.newOutputStream(whole)) {
      for (Path part : image) {
        Files.copy(part, target);
      }
    }
    assertThat(image).hasSize(format.equals("raw") ? 1 : 3);
    JsonNode imageCheck = event(out, "image-verified");
    assertThat(imageCheck.get("data").get("matched").asBoolean()).isTrue();
    assertThat(imageCheck.get("data").get("check").asText()).isEqualTo("image");
    assertThat(imageCheck.get("data").get("read").asText()).contains("O_DIRECT");
    assertThat(imageCheck.get("data").get("bytesRead").asLong()).isEqualTo(SIZE);
    assertThat(computed(imageCheck, "md5")).isEqualTo(ExternalTool.digestOf("md5sum", whole));
    assertThat(computed(imageCheck, "sha256")).isEqualTo(ExternalTool.digestOf("sha256sum", whole));
    JsonNode sourceCheck = event(out, "source-verified");
    assertThat(sourceCheck.get("data").get("matched").asBoolean()).isTrue();
    assertThat(computed(sourceCheck, "sha256")).isEqualTo(ExternalTool.digestOf("sha256sum", source));
    assertThat(Evidence.custodyEvents(out)).extracting(event -> event.get("type").asText())
        .containsExactly("acquisition-started", "acquisition-completed", "image-verified", "source-verified", "report-rendered");
    assertThat(run.out()).contains("image check  matched").contains("source check matched");
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    assertEventsValid(out);
    String report = reportText(out);
    assertThat(report).contains("Verification").contains("Image check").contains("Source check").contains("MATCHED")
        .contains(computed(imageCheck, "md5"))
        .contains(imageCheck.get("data").get("started").asText());
    assertThat(Cli.run("report", "custody", out.toString()).out())
        .contains("Image re-read after the acquisition: it matched; md5 " + ExternalTool.digestOf("md5sum", whole) + " as recorded")
        .contains("Source re-read after the acquisition: it matched; md5 " + ExternalTool.digestOf("md5sum", source) + " as recorded");
  }

  @Test
  void verifyImage_byteFlippedOnDiskBeforeTheCheck_exits1NamingThePiece() throws IOException {
    Path source = Evidence.randomFile(temp.resolve("drive.bin"), SIZE, 42);
    Path out = temp.resolve("evidence");
    long flipped = 3_000_000; // in piece 2 of 1 MiB pieces

    Run run = acquire(source, out, directory -> flipByte(directory.resolve("image.ima"), flipped), "--verify-image");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    List<String> errLines = run.err().lines().filter(line -> !line.startsWith("progress:")).toList();
    assertThat(errLines).hasSize(1);
    assertThat(errLines.get(0)).contains("the image does not verify").contains("piece 2 differs").contains("MD5 of the image now is");
    // The acquisition stays recorded, with the digests of what was read from the source.
    JsonNode manifest = Evidence.manifest(out);
    assertThat(manifest.get("outcome").get("status").asText()).isEqualTo("completed");
    assertThat(manifest.get("digests").get("sha256").asText()).isEqualTo(ExternalTool.digestOf("sha256sum", source));
    JsonNode check = event(out, "image-verified");
    assertThat(check.get("data").get("matched").asBoolean()).isFalse();
    assertThat(computed(check, "sha256")).isEqualTo(ExternalTool.digestOf("sha256sum", out.resolve("image.ima")))
        .isNotEqualTo(manifest.get("digests").get("sha256").asText());
    assertThat(check.get("data").get("pieces").get("differ").asInt()).isEqualTo(1);
    assertEventsValid(out);
    assertThat(reportText(out)).contains("DOES NOT MATCH").contains("piece 2 differs");
  }

  @Test
  void verifySource_readOnlyLoopDevice_passesWithTheDigestsSha256sumComputes() throws IOException {
    Path backing = Evidence.randomFile(temp.resolve("drive.bin"), 4L << 20, 43);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(backing)) {
      Run run = acquire(loop.path(), out, AfterAcquisitionChecks.BeforeChecks.NOTHING, "--verify-source", "--verify-image");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      JsonNode check = event(out, "source-verified");
      assertThat(check.get("data").get("matched").asBoolean()).isTrue();
      assertThat(check.get("data").get("read").asText()).contains(loop.path().toString())
          .contains("kernel read-only flag set").doesNotContain("last block");
      assertThat(computed(check, "sha256")).isEqualTo(ExternalTool.digestOf("sha256sum", backing));
      assertThat(computed(check, "md5")).isEqualTo(ExternalTool.digestOf("md5sum", backing));
      assertEventsValid(out);
    }
  }

  @Test
  void verifySource_declaredBlockerOnWritableDevice_readPathSaysDeclaredNotCheckedAndNoShortLastBlock() throws IOException {
    Path backing = Evidence.randomFile(temp.resolve("declared.bin"), 4L << 20, 44);
    Path out = temp.resolve("declared");
    try (LoopDevice loop = LoopDevice.writable(backing)) {
      Run run = acquire(loop.path(), out, AfterAcquisitionChecks.BeforeChecks.NOTHING, "--verify-source",
          "--hardware-write-blocker", "Tableau T35u");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      String read = event(out, "source-verified").get("data").get("read").asText();
      assertThat(read).contains("hardware write blocker Tableau T35u declared by the examiner, not checked by Custos")
          .contains("kernel read-only flag 0").contains("O_DIRECT")
          .doesNotContain("write-blocked").doesNotContain("last block");
      assertThat(run.out()).contains("not checked by Custos").doesNotContain("last block");
    }
  }

  @Test
  void verifySource_sizeNotWholeDirectUnits_readPathNamesTheLastBlockAndKernelFlag() throws IOException {
    Path backing = Evidence.randomFile(temp.resolve("odd.bin"), (4L << 20) + 512, 45);
    Path out = temp.resolve("odd");
    try (LoopDevice loop = LoopDevice.readOnly(backing)) {
      Run run = acquire(loop.path(), out, AfterAcquisitionChecks.BeforeChecks.NOTHING, "--verify-source");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      String read = event(out, "source-verified").get("data").get("read").asText();
      assertThat(read).contains("kernel read-only flag set").contains("but for its last block")
          .contains(((4L << 20) + 512) + " bytes").doesNotContain("declared");
      assertThat(computed(event(out, "source-verified"), "sha256")).isEqualTo(ExternalTool.digestOf("sha256sum", backing));
    }
  }

  /**
   * The image changed on the disk behind the page cache, which still holds the bytes as written: a
   * read through the cache would find the image as acquired. The evidence directory is on a real
   * ext4 file system on a loop device; the byte is flipped in the loop device's backing file, at the
   * physical block {@code filefrag} gives for the image.
   */
  @Test
  void verifyImage_changeOnDiskBehindThePageCache_isFound() throws IOException {
    ExternalTool.assumeRoot();
    ExternalTool.assumeInstalled("mkfs.ext4");
    ExternalTool.assumeInstalled("filefrag");
    Path backing = temp.resolve("target-fs.img");
    try (FileChannel channel = FileChannel.open(backing, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.truncate(0).position(0);
      channel.write(ByteBuffer.allocate(1), (64L << 20) - 1);
    }
    ExternalTool.ok("mkfs.ext4", "-q", "-F", "-b", "4096", backing.toString());
    Path mount = Files.createDirectory(temp.resolve("mnt"));
    Path source = Evidence.randomFile(temp.resolve("drive.bin"), 2L << 20, 44);
    try (LoopDevice loop = LoopDevice.writable(backing)) {
      ExternalTool.ok("mount", loop.path().toString(), mount.toString());
      try {
        Path out = mount.resolve("evidence");
        long flipped = 1_500_000; // piece 1

        Run run = acquire(source, out, directory -> flipOnDisk(backing, directory.resolve("image.ima"), flipped), "--verify-image");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("piece 1 differs");
        // What a read through the page cache still gives: the image as acquired.
        assertThat(ExternalTool.digestOf("sha256sum", out.resolve("image.ima")))
            .isEqualTo(ExternalTool.digestOf("sha256sum", source));
      } finally {
        ExternalTool.ok("umount", mount.toString());
      }
    }
  }

  /** Flips the byte at {@code position} of {@code file} in {@code backing}, the disk under its file system. */
  private static void flipOnDisk(Path backing, Path file, long position) throws IOException {
    String extents = ExternalTool.ok("filefrag", "-v", "-b4096", file.toString());
    java.util.regex.Matcher first = java.util.regex.Pattern.compile("(?m)^\\s*0:\\s*0\\.\\.\\s*(\\d+):\\s*(\\d+)\\.\\.")
        .matcher(extents);
    assertThat(first.find()).as(extents).isTrue();
    long lastLogical = Long.parseLong(first.group(1));
    assertThat((lastLogical + 1) * 4096).as("the first extent holds the byte: " + extents).isGreaterThan(position);
    flipByte(backing, Long.parseLong(first.group(2)) * 4096 + position);
  }

  /**
   * A real SIGTERM while the image is being read back: the check stops at once, records nothing
   * (no event says "matched" for a check that did not finish), the acquisition stays recorded and
   * the report is still rendered.
   */
  @Test
  void verifyImage_sigtermDuringTheCheck_stopsRecordingNoCheckAndKeepsTheAcquisition() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("drive.bin"), 384L << 20, 45);
    Path out = temp.resolve("evidence");
    Path log = out.resolve("custody.jsonl");
    dev.custos.testing.CustosProcess custos = dev.custos.testing.CustosProcess.start(temp, "acquire", "acquire", "image",
        source.toString(), "--out", out.toString(), "--case", "2026-0142", "--evidence", "HDD-01", "--examiner", "Jane Doe",
        "--unsigned", "--verify-image");
    while (custos.isAlive() && !(Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("acquisition-completed"))) {
      Thread.sleep(2);
    }
    assertThat(custos.isAlive()).as("still running when the acquisition was recorded: " + custos.stderr()).isTrue();

    custos.signal("TERM");

    assertThat(custos.exitCode()).isEqualTo(143);
    assertThat(Evidence.custodyEvents(out)).extracting(event -> event.get("type").asText())
        .containsExactly("acquisition-started", "acquisition-completed", "report-rendered");
    assertThat(custos.stdout()).contains("stopped by a signal: the check under way is not recorded");
    assertThat(Evidence.manifest(out).get("digests").get("sha256").asText()).isEqualTo(ExternalTool.digestOf("sha256sum", source));
  }

  private static void flipByte(Path file, long position) throws IOException {
    // Root writes through the 0444 mode: the image changed on disk after it was finished.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, position);
      one.flip();
      one.put(0, (byte) (one.get(0) ^ 0x01));
      channel.write(one, position);
      channel.force(true);
    }
  }
}

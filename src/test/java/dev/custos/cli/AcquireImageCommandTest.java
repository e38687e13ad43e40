package dev.custos.cli;

import static dev.custos.testing.ExternalTool.digestOf;
import static dev.custos.testing.ExternalTool.identical;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code acquire image}: what an examiner relies on, checked against md5sum, sha*sum and cmp. */
class AcquireImageCommandTest {
  private static final Path FLOPPY = Path.of("test-fixtures/floppy-fat12.ima").toAbsolutePath();
  private static final Map<String, String> TOOLS = Map.of("md5", "md5sum", "sha1", "sha1sum", "sha256", "sha256sum", "sha512", "sha512sum");

  @TempDir Path temp;

  private Cli.Run acquire(Path source, Path out, String... extra) {
    List<String> args = ExternalTool.command("acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "2026-0142", "--evidence", "HDD-01", "--examiner", "Jane Doe", "--unsigned");
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void image_floppyFixture_byteIdenticalWithEveryDigestAsCoreutilsPrintIt() throws IOException {
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(FLOPPY, out, "--hash", "md5,sha1,sha256,sha512");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(identical(FLOPPY, out.resolve("image.ima"))).isTrue();
    JsonNode manifest = Evidence.manifest(out);
    for (Map.Entry<String, String> tool : TOOLS.entrySet()) {
      String expected = digestOf(tool.getValue(), FLOPPY);
      assertThat(manifest.path("digests").path(tool.getKey()).asText()).as(tool.getKey()).isEqualTo(expected);
      assertThat(run.out()).contains(expected);
      // The committed digest files say the same, so the fixture itself has not drifted.
      String committed = Files.readString(Path.of(FLOPPY + "." + tool.getKey())).split("\\s+")[0];
      assertThat(committed).isEqualTo(expected);
    }
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    assertThat(manifest.path("outcome").path("bytesAcquired").asLong()).isEqualTo(1474560);
    assertThat(manifest.path("source").path("sectorCount").asLong()).isEqualTo(2880);
    assertThat(manifest.path("image").path("files").get(0).path("path").asText()).isEqualTo("image.ima");
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(longs = {1, 511, 513, 3 * 1048576 + 1234, 5 * 1048576})
  void image_awkwardSizes_equalToSourceAndDigestsAsCoreutils(long size) {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), size, size);
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(source, out, "--block-size", "1MiB", "--piece-size", "1MiB");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(identical(source, out.resolve("image.ima"))).isTrue();
    JsonNode manifest = Evidence.manifest(out);
    assertThat(manifest.path("digests").path("md5").asText()).isEqualTo(digestOf("md5sum", source));
    assertThat(manifest.path("digests").path("sha256").asText()).isEqualTo(digestOf("sha256sum", source));
    assertThat(manifest.path("pieces").path("count").asLong()).isEqualTo((size + 1048575) / 1048576);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
  }

  @Test
  void image_split_segmentsOfExactSizeConcatenateToSource() throws IOException {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 5 * 1048576 + 512, 7);
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(source, out, "--format", "split", "--segment-size", "2MiB");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.size(out.resolve("image.001"))).isEqualTo(2 * 1048576);
    assertThat(Files.size(out.resolve("image.002"))).isEqualTo(2 * 1048576);
    assertThat(Files.size(out.resolve("image.003"))).isEqualTo(1048576 + 512);
    assertThat(out.resolve("image.004")).doesNotExist();
    Path joined = temp.resolve("joined.bin");
    try (OutputStream joinedOut = Files.newOutputStream(joined)) {
      for (String segment : List.of("image.001", "image.002", "image.003")) {
        Files.copy(out.resolve(segment), joinedOut);
      }
    }
    assertThat(identical(source, joined)).isTrue();
    JsonNode manifest = Evidence.manifest(out);
    assertThat(manifest.path("image").path("files")).hasSize(3);
    assertThat(manifest.path("image").path("sizeBytes").asLong()).isEqualTo(Files.size(source));
    assertThat(manifest.path("digests").path("md5").asText()).isEqualTo(digestOf("md5sum", source));
  }

  @Test
  void image_sizeNotWholeSectors_summaryAndReportSayWholeSectorsAndTheRest() throws IOException {
    Map<Long, String> expected = Map.of(
        1000L, "1000 bytes (1.00 kB): 1 whole sector of 512 bytes and 488 bytes",
        1L, "1 byte (1 B): 0 whole sectors of 512 bytes and 1 byte",
        1024L, "1024 bytes (1.02 kB), 2 sectors of 512 bytes");
    Map<Long, String> inReport = Map.of(
        1000L, "1000 bytes (1.00 kB): 1 whole sector of 512 bytes and 488 bytes",
        1L, "1 byte: 0 whole sectors of 512 bytes and 1 byte",
        1024L, "1024 bytes (1.02 kB) = 2 sectors of 512 bytes");
    for (Map.Entry<Long, String> size : expected.entrySet()) {
      Path source = Evidence.randomFile(temp.resolve(size.getKey() + ".bin"), size.getKey(), 3);
      Path out = temp.resolve("evidence-" + size.getKey());

      Cli.Run run = acquire(source, out);

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("size         " + size.getValue());
      String report = ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
      assertThat(report).contains(inReport.get(size.getKey())).doesNotContain(" 1 sectors");
    }
  }

  @Test
  void image_finishedEvidence_isReadOnly() throws IOException {
    Path out = temp.resolve("evidence");

    acquire(FLOPPY, out);

    for (String name : List.of("image.ima", "acquisition.json", "acquisition-progress.jsonl", "custody.jsonl", "report.pdf")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(name)))).as(name).isEqualTo("r--r--r--");
    }
    try (var entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .as("the evidence, the progress record, and the lock files that keep two processes apart")
          .containsExactlyInAnyOrder("image.ima", "acquisition.json", "acquisition-progress.jsonl", "custody.jsonl", "report.pdf",
              ".custody.lock", ".acquisition.lock");
    }
  }

  @Test
  void image_readOnlyLoopDevice_equalToBackingFileAndRecordsKernelFlag() {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), 8 * 1048576, 42);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(backing)) {

      Cli.Run run = acquire(loop.path(), out, "--hash", "md5,sha1,sha256,sha512");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(identical(backing, out.resolve("image.ima"))).isTrue();
      JsonNode manifest = Evidence.manifest(out);
      for (Map.Entry<String, String> tool : TOOLS.entrySet()) {
        assertThat(manifest.path("digests").path(tool.getKey()).asText()).isEqualTo(digestOf(tool.getValue(), backing));
      }
      assertThat(manifest.path("source").path("kind").asText()).isEqualTo("block-device");
      assertThat(manifest.path("source").path("backingFile").asText()).isEqualTo(backing.toString());
      assertThat(manifest.path("source").path("kernelReadOnly").asBoolean()).isTrue();
      assertThat(manifest.path("writeBlock").path("method").asText()).isEqualTo("kernel-read-only-flag");
      assertThat(manifest.path("source").path("hiddenAreas").path("available").asBoolean()).isFalse();
      assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
      Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    }
  }

  @Test
  void image_writableLoopDeviceWithSetReadonly_setsKernelFlagAndRecordsIt() throws IOException {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), 2 * 1048576, 43);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.writable(backing)) {

      Cli.Run run = acquire(loop.path(), out, "--set-readonly");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(ExternalTool.ok("blockdev", "--getro", loop.path().toString()).strip()).isEqualTo("1");
      assertThat(Evidence.manifest(out).path("writeBlock").path("method").asText()).isEqualTo("set-read-only");
      assertThat(identical(backing, out.resolve("image.ima"))).isTrue();
    }
  }

  @Test
  void image_writableLoopDeviceWithDeclaredBlocker_recordsTheDeclaration() {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), 1048576, 44);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.writable(backing)) {

      Cli.Run run = acquire(loop.path(), out, "--hardware-write-blocker", "Tableau T35u");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode writeBlock = Evidence.manifest(out).path("writeBlock");
      assertThat(writeBlock.path("method").asText()).isEqualTo("hardware-write-blocker");
      assertThat(writeBlock.path("hardwareBlocker").asText()).isEqualTo("Tableau T35u");
      assertThat(writeBlock.path("kernelReadOnly").asBoolean()).isFalse();
    }
  }
}

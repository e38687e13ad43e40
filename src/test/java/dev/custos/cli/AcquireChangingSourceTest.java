package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file source that changes while Custos reads it — rewritten behind the read and ahead of it by
 * another process ({@code dd conv=notrunc}), or grown by an append — is no acquisition of it: the
 * acquisition ends {@code failed: source changed during acquisition}, exit 1, naming what changed
 * on the terminal, in the manifest and in the custody log; verification does not call it verified,
 * and a resumption refuses the changed source.
 */
class AcquireChangingSourceTest {
  private static final long SOURCE_BYTES = 256L << 20;
  /** When the image holds this much, the other process writes. */
  private static final long WRITE_AT = 48L << 20;

  @TempDir Path temp;

  @Test
  void image_fileRewrittenBehindAndAheadOfTheRead_failsNamingTheChange_exit1() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), SOURCE_BYTES, 5);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(source, out);
    assertThat(acquisition.awaitFileSize(out.resolve("image.ima"), WRITE_AT)).as("still reading at %d bytes", WRITE_AT).isTrue();
    // Behind the read (8 MiB) and ahead of it (200 MiB), as another process writing to the file would.
    ExternalTool.ok("dd", "if=/dev/zero", "of=" + source, "bs=1M", "count=1", "seek=8", "conv=notrunc", "status=none");
    ExternalTool.ok("dd", "if=/dev/zero", "of=" + source, "bs=1M", "count=1", "seek=200", "conv=notrunc", "status=none");

    int exit = acquisition.exitCode();

    assertThat(exit).as(acquisition.stderr()).isEqualTo(1);
    assertThat(lastLine(acquisition.stderr())).startsWith("acquire image: source changed during acquisition: ")
        .contains("modification time").contains("status-change time");
    assertChangeRecorded(out, "modification time");
    assertThat(ExternalTool.identical(source, out.resolve("image.ima"))).as("the image is not the source as it is now").isFalse();
    assertNotVerified(out);
  }

  @Test
  void image_fileGrowsDuringTheRead_failsNamingTheNewSize_andResumeRefusesIt() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), SOURCE_BYTES, 6);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(source, out);
    assertThat(acquisition.awaitFileSize(out.resolve("image.ima"), WRITE_AT)).as("still reading at %d bytes", WRITE_AT).isTrue();
    ExternalTool.ok("sh", "-c", "head -c 4096 /dev/urandom >> '" + source + "'");

    int exit = acquisition.exitCode();

    assertThat(exit).as(acquisition.stderr()).isEqualTo(1);
    String grown = "size " + (SOURCE_BYTES + 4096) + " bytes, was " + SOURCE_BYTES;
    assertThat(lastLine(acquisition.stderr())).startsWith("acquire image: source changed during acquisition: ").contains(grown);
    assertChangeRecorded(out, grown);
    assertNotVerified(out);

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");
    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(2);
    assertThat(resumed.err()).contains("refusing to resume");
  }

  @Test
  void image_loopDeviceWhoseBackingFileIsWrittenDuringTheRead_failsNamingTheBackingFile() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), SOURCE_BYTES, 7);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(backing)) {
      CustosProcess acquisition = start(loop.path(), out);
      assertThat(acquisition.awaitFileSize(out.resolve("image.ima"), WRITE_AT)).as("still reading at %d bytes", WRITE_AT).isTrue();
      // The kernel's read-only flag guards the device, not the file behind it.
      ExternalTool.ok("dd", "if=/dev/zero", "of=" + backing, "bs=1M", "count=1", "seek=200", "conv=notrunc", "status=none");

      int exit = acquisition.exitCode();

      assertThat(exit).as(acquisition.stderr()).isEqualTo(1);
      assertThat(lastLine(acquisition.stderr())).startsWith("acquire image: source changed during acquisition: ")
          .contains("backing file " + backing + " modification time");
      JsonNode manifest = Evidence.manifest(out);
      assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
      assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
      assertThat(manifest.path("sourceState").path("before").path("file").isNull()).as("a device has no file stat").isTrue();
      assertThat(manifest.path("sourceState").path("before").path("backingFile").path("path").asText()).isEqualTo(backing.toString());
      assertNotVerified(out);
    }
  }

  @Test
  void resume_fileWrittenAfterTheInterruptionBeyondWhatWasRead_refusedNamingTheChange() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), SOURCE_BYTES, 8);
    Path out = temp.resolve("evidence");
    assertThat(start(source, out).signalAt(out.resolve("image.ima"), WRITE_AT, "TERM")).isEqualTo(143);
    byte[] log = java.nio.file.Files.readAllBytes(out.resolve("custody.jsonl"));
    // Beyond every byte read: the re-read of the last recorded piece cannot see it, the state can.
    ExternalTool.ok("dd", "if=/dev/zero", "of=" + source, "bs=1M", "count=1", "seek=250", "conv=notrunc", "status=none");

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(2);
    assertThat(resumed.err()).contains("refusing to resume from " + source)
        .contains("changed since custody event seq 0 (acquisition-started) recorded it (")
        .contains("modification time").hasLineCount(1);
    assertThat(java.nio.file.Files.readAllBytes(out.resolve("custody.jsonl"))).as("nothing appended").isEqualTo(log);
  }

  private CustosProcess start(Path source, Path out) {
    // Every digest, and SHA-256 pieces: a read slow enough for the other process to write during it.
    return CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned",
        "--hash", "md5,sha1,sha256,sha512", "--piece-hash", "sha256", "--piece-size", "4MiB");
  }

  private static void assertChangeRecorded(Path out, String change) {
    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
    assertThat(manifest.path("outcome").path("reason").asText()).startsWith("source changed during acquisition: ").contains(change);
    assertThat(manifest.path("digests").size()).as("no whole-image digest of a changing source").isZero();
    JsonNode states = manifest.path("sourceState");
    assertThat(states.path("changes").toString()).contains(change);
    assertThat(states.path("before").path("file").path("inode").asText())
        .isEqualTo(states.path("after").path("file").path("inode").asText());
    List<JsonNode> events = Evidence.custodyEvents(out);
    JsonNode started = events.get(0);
    assertThat(started.path("data").path("sourceState")).isEqualTo(states.path("before"));
    JsonNode ended = events.get(events.size() - 1);
    assertThat(ended.path("type").asText()).isEqualTo("acquisition-interrupted");
    assertThat(ended.path("data").path("status").asText()).isEqualTo("failed");
    assertThat(ended.path("data").path("reason").asText()).contains(change);
  }

  private static void assertNotVerified(Path out) {
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.exitCode()).as(verified.out()).isEqualTo(1);
    assertThat(verified.out()).contains("INCOMPLETE: the acquisition failed").contains("source changed during acquisition")
        .doesNotContainPattern("(?m)^VERIFIED");
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().filter(line -> !line.startsWith("progress:")).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}

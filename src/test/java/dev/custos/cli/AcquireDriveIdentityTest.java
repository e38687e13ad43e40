package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the drive said about itself is evidence: an acquisition of a real loop device asks the
 * real hdparm and smartctl before and after the read, keeps their answers byte for byte (0444, the
 * SHA-256 sha256sum prints recorded in a schema-valid manifest), says "not available" with the
 * tools' own reason, and still completes; report verify checks the transcripts and names one that
 * changed. A file source has no drive to ask and says so.
 */
class AcquireDriveIdentityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void acquire_loopDevice_transcriptsKeptRecordedNotAvailableWithTheToolsReason() throws Exception {
    ExternalTool.assumeInstalled("smartctl");
    ExternalTool.assumeInstalled("hdparm");
    Path image = Evidence.randomFile(temp.resolve("disk.img"), 2 << 20, 19);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(image)) {
      // What smartctl itself says of this device, asked by the test.
      JsonNode smartctl = JSON.readTree(ExternalTool.run(List.of("smartctl", "-x", "--json=c", loop.path().toString())).stdout());
      String smartctlSays = smartctl.path("smartctl").path("messages").path(0).path("string").asText();
      assertThat(smartctlSays).isEqualTo(loop.path() + ": Unable to detect device type");

      CustosProcess acquire = acquire(loop.path(), out);

      assertThat(acquire.exitCode()).as(acquire.stderr()).isZero();
      assertThat(acquire.stdout())
          .contains("  drive before not available (hdparm: the device did not answer ATA IDENTIFY DEVICE: it printed only the"
              + " device name; smartctl: " + smartctlSays + " (exit 1))")
          .contains("  drive after  not available (smartctl: " + smartctlSays + " (exit 1))");
      JsonNode manifest = Evidence.manifest(out);
      assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
      Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
      JsonNode queries = manifest.path("driveIdentity");
      assertThat(queries).extracting(query -> query.path("moment").asText() + " " + query.path("query").asText())
          .containsExactly("before hdparm", "before smartctl", "after smartctl");
      assertThat(queries.path(1).path("command").path(0).asText()).endsWith("/smartctl");
      assertThat(queries.path(1).path("command")).extracting(JsonNode::asText).endsWith("-x", "--json=c", loop.path().toString());
      assertThat(queries.path(1).path("exitCode").asInt()).isEqualTo(1);
      assertThat(queries.path(1).path("notAvailable").asText()).isEqualTo(smartctlSays + " (exit 1)");
      assertThat(queries.path(2).path("notAvailable").asText()).isEqualTo(smartctlSays + " (exit 1)");
      assertThat(queries.path(0).path("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      for (JsonNode query : queries) {
        Path file = out.resolve(query.path("file").path("path").asText());
        assertThat(ExternalTool.ok("stat", "-c", "%a", file.toString()).strip()).isEqualTo("444");
        assertThat(ExternalTool.digestOf("sha256sum", file)).isEqualTo(query.path("file").path("sha256").asText());
        assertThat(Files.size(file)).isEqualTo(query.path("file").path("sizeBytes").asLong());
      }
      // The transcript is what the tool printed, byte for byte.
      assertThat(Files.readString(out.resolve("drive-identity-1-before-hdparm.txt"))).isEqualTo("\n" + loop.path() + ":\n");
    }
    assertThat(ExternalTool.ok("pdftotext", "-layout", out.resolve("report.pdf").toString(), "-"))
        .contains("Drive identity").contains("smartctl: not available (" + smartctlSays(out) + " (exit 1))");

    CustosProcess verify = CustosProcess.start(temp, "verify", "report", "verify", out.toString());
    assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
    assertThat(verify.stdout()).contains("3 of 3 drive identity transcripts as recorded").doesNotContain("not part of the evidence");
  }

  @Test
  void verify_transcriptChangedAfterwards_doesNotVerifyNamingIt() throws Exception {
    Path image = Evidence.randomFile(temp.resolve("disk.img"), 1 << 20, 20);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(image)) {
      assertThat(acquire(loop.path(), out).exitCode()).isZero();
    }
    Path transcript = out.resolve("drive-identity-1-after-smartctl.json");
    ExternalTool.ok("chmod", "u+w", transcript.toString());
    Files.writeString(transcript, Files.readString(transcript).replace("Unable to detect", "Detected"));

    CustosProcess verify = CustosProcess.start(temp, "verify", "report", "verify", out.toString());

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.stdout()).contains("manifest       FAIL").contains("2 of 3 drive identity transcripts as recorded")
        .contains("- drive-identity-1-after-smartctl.json has ").contains("it changed after it was written");
  }

  @Test
  void acquire_fileSource_notABlockDeviceNothingRun() throws Exception {
    Path out = temp.resolve("evidence");

    CustosProcess acquire = acquire(Evidence.FLOPPY, out);

    assertThat(acquire.exitCode()).as(acquire.stderr()).isZero();
    assertThat(acquire.stdout())
        .contains("  drive before not available (not a block device: the source is a file, which has no drive to ask)")
        .contains("  drive after  not available (smartctl: not a block device: the source is a file, which has no drive to ask)");
    JsonNode queries = Evidence.manifest(out).path("driveIdentity");
    assertThat(queries).hasSize(3).allSatisfy(query -> {
      assertThat(query.path("command")).isEmpty();
      assertThat(query.path("file").isNull()).isTrue();
      assertThat(query.path("exitCode").isNull()).isTrue();
      assertThat(query.path("notAvailable").asText()).isEqualTo("not a block device: the source is a file, which has no drive to ask");
    });
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("drive-identity"));
    }
  }

  @Test
  void resume_interruptedLoopDevice_eachRunAskedUnderItsOwnNamesAllListedAndVerified() throws Exception {
    Path image = Evidence.randomFile(temp.resolve("disk.img"), 192L << 20, 21);
    Path out = temp.resolve("evidence");
    String firstBefore;
    try (LoopDevice loop = LoopDevice.readOnly(image)) {
      List<String> args = List.of("acquire", "image", loop.path().toString(), "--out", out.toString(), "--case", "C-19",
          "--evidence", "E-19", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
      CustosProcess first = CustosProcess.start(temp, "first", args.toArray(String[]::new));
      assertThat(first.signalAt(out.resolve("image.ima"), 64L << 20, "TERM")).isEqualTo(143);
      JsonNode interrupted = Evidence.manifest(out).path("driveIdentity");
      assertThat(interrupted).extracting(query -> query.path("run").asInt() + " " + query.path("moment").asText() + " "
          + query.path("query").asText()).containsExactly("1 before hdparm", "1 before smartctl", "1 after smartctl");
      firstBefore = ExternalTool.digestOf("sha256sum", out.resolve("drive-identity-1-before-smartctl.json"));

      CustosProcess resumed = CustosProcess.start(temp, "resumed", "acquire", "resume", out.toString(), "--unsigned");
      assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    }
    JsonNode queries = Evidence.manifest(out).path("driveIdentity");
    assertThat(queries).extracting(query -> query.path("file").path("path").asText()).containsExactly(
        "drive-identity-1-before-hdparm.txt", "drive-identity-1-before-smartctl.json", "drive-identity-1-after-smartctl.json",
        "drive-identity-2-before-hdparm.txt", "drive-identity-2-before-smartctl.json", "drive-identity-2-after-smartctl.json");
    for (JsonNode query : queries) {
      assertThat(ExternalTool.digestOf("sha256sum", out.resolve(query.path("file").path("path").asText())))
          .isEqualTo(query.path("file").path("sha256").asText());
    }
    assertThat(ExternalTool.digestOf("sha256sum", out.resolve("drive-identity-1-before-smartctl.json")))
        .as("the first run's transcript is never written over").isEqualTo(firstBefore);
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    CustosProcess verify = CustosProcess.start(temp, "verify", "report", "verify", out.toString());
    assertThat(verify.exitCode()).as(verify.stdout()).isZero();
    assertThat(verify.stdout()).contains("6 of 6 drive identity transcripts as recorded").doesNotContain("not part of the evidence");
  }

  @Test
  void resume_afterKill9_firstRunsTranscriptsVouchedForByItsStartedEventAndListedAtTheEnd() throws Exception {
    Path image = Evidence.randomFile(temp.resolve("disk.img"), 192L << 20, 22);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(image)) {
      killAt64MiB(loop, out);

      // No manifest was written: the acquisition-started event is what records run 1's transcripts.
      JsonNode started = JSON.readTree(Files.readAllLines(out.resolve("custody.jsonl")).get(0));
      assertThat(started.path("type").asText()).isEqualTo("acquisition-started");
      List<String> recorded = new ArrayList<>();
      for (JsonNode query : started.path("data").path("driveIdentity")) {
        String file = query.path("file").path("path").asText();
        recorded.add(file);
        assertThat(ExternalTool.digestOf("sha256sum", out.resolve(file))).isEqualTo(query.path("file").path("sha256").asText());
      }
      assertThat(recorded).containsExactly("drive-identity-1-before-hdparm.txt", "drive-identity-1-before-smartctl.json");
      CustosProcess killedVerify = CustosProcess.start(temp, "killed-verify", "report", "verify", out.toString());
      killedVerify.exitCode();
      assertThat(killedVerify.stdout()).as("named by the signed log's started event, not unlisted")
          .doesNotContain("drive-identity-1-before");

      CustosProcess resumed = CustosProcess.start(temp, "resumed", "acquire", "resume", out.toString());
      assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    }
    JsonNode queries = Evidence.manifest(out).path("driveIdentity");
    assertThat(queries).extracting(query -> query.path("file").path("path").asText()).containsExactly(
        "drive-identity-1-before-hdparm.txt", "drive-identity-1-before-smartctl.json",
        "drive-identity-2-before-hdparm.txt", "drive-identity-2-before-smartctl.json", "drive-identity-2-after-smartctl.json");
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
    CustosProcess verify = CustosProcess.start(temp, "verify", "report", "verify", out.toString());
    assertThat(verify.exitCode()).as(verify.stdout()).isZero();
    assertThat(verify.stdout()).contains("5 of 5 drive identity transcripts as recorded").doesNotContain("not part of the evidence");
  }

  @Test
  void verify_transcriptOnlyTheStartedEventRecords_changed_isNamed() throws Exception {
    Path image = Evidence.randomFile(temp.resolve("disk.img"), 192L << 20, 23);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(image)) {
      killAt64MiB(loop, out);
    }
    Path transcript = out.resolve("drive-identity-1-before-smartctl.json");
    transcript.toFile().setWritable(true);
    Files.writeString(transcript, "{}", java.nio.file.StandardOpenOption.APPEND);

    CustosProcess verify = CustosProcess.start(temp, "verify", "report", "verify", out.toString());
    verify.exitCode();
    assertThat(verify.stdout()).contains("drive-identity-1-before-smartctl.json").contains("custody event 0 records");
  }

  /** An unsigned acquisition of {@code loop} into {@code out}, killed with SIGKILL once 64 MiB of the image are written. */
  private void killAt64MiB(LoopDevice loop, Path out) throws InterruptedException {
    CustosProcess first = CustosProcess.start(temp, "first", "acquire", "image", loop.path().toString(), "--out",
        out.toString(), "--case", "C-19", "--evidence", "E-19", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(first.signalAt(out.resolve("image.ima"), 64L << 20, "KILL")).isEqualTo(137);
  }

  private CustosProcess acquire(Path source, Path out) {
    List<String> args = new ArrayList<>(List.of("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-19",
        "--evidence", "E-19", "--examiner", "Jane Doe", "--unsigned"));
    return CustosProcess.start(temp, "acquire-" + out.getFileName(), args.toArray(String[]::new));
  }

  private static String smartctlSays(Path out) {
    String reason = Evidence.manifest(out).path("driveIdentity").path(1).path("notAvailable").asText();
    return reason.substring(0, reason.length() - " (exit 1)".length());
  }
}

package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.TranscriptFiles;
import dev.custos.source.HiddenAreas;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceKind;
import dev.custos.source.driveidentity.DriveIdentity;
import dev.custos.source.driveidentity.DriveQuery;
import dev.custos.source.driveidentity.Moment;
import dev.custos.source.driveidentity.QueryOutput;
import dev.custos.source.driveidentity.QueryPlan;
import dev.custos.source.driveidentity.Transcript;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers of a drive are kept as it gave them and never written over: a SATA disk whose
 * pending sectors grow during the read (recorded smartctl transcripts), told to the capture by a
 * fake runner, lands as two read-only files whose sha256sum the transcripts record, and reads back
 * as "pending sectors 0 before, 8 after".
 */
class DriveIdentityCaptureTest {
  private static final Path FIXTURES = Path.of("test-fixtures/drive-identity");
  private static final SourceIdentity DISK = new SourceIdentity(Path.of("/dev/null"), SourceKind.BLOCK_DEVICE, null, "ATA",
      "WDC WD10EZEX-08WN4A0", "WD-WCC6Y3KF7N2P", 1 << 20, 512, 4096, false, true, true, HiddenAreas.notAvailable("test"), null,
      List.of(), Set.of());

  @TempDir Path directory;

  @Test
  void capture_beforeAndAfter_keptReadOnlyAsPrintedAndTheChangeSaid() throws Exception {
    DriveIdentityCapture capture = capture(Moment.BEFORE, "smartctl-ata-hdd-healthy.json", 0);
    List<Transcript> before = capture.capture(DISK, directory, 1, Moment.BEFORE);
    List<Transcript> after = capture(Moment.AFTER, "smartctl-ata-hdd-pending-grew.json", 64).capture(DISK, directory, 1, Moment.AFTER);

    Path beforeFile = directory.resolve("drive-identity-1-before-smartctl.json");
    Path afterFile = directory.resolve("drive-identity-1-after-smartctl.json");
    assertThat(beforeFile).hasSameBinaryContentAs(FIXTURES.resolve("smartctl-ata-hdd-healthy.json"));
    assertThat(afterFile).hasSameBinaryContentAs(FIXTURES.resolve("smartctl-ata-hdd-pending-grew.json"));
    assertThat(ExternalTool.ok("stat", "-c", "%a", beforeFile.toString(), afterFile.toString()).lines()).containsExactly("444", "444");
    assertThat(before.get(0).file().orElseThrow().sha256()).isEqualTo(ExternalTool.digestOf("sha256sum", beforeFile));
    assertThat(after.get(0).file().orElseThrow().sha256()).isEqualTo(ExternalTool.digestOf("sha256sum", afterFile));
    assertThat(after.get(0).exitCode()).hasValue(64);
    assertThat(after.get(0).notAvailable()).isEmpty();

    DriveIdentity run = DriveIdentity.of(List.of(before.get(0), after.get(0)),
        transcript -> TranscriptFiles.read(directory, transcript.file().orElseThrow()), DISK.serial()).get(0);
    assertThat(run.changes()).contains("pending sectors 0 before, 8 after");
    assertThat(DriveIdentityCapture.nextRun(directory)).isEqualTo(2);
  }

  @Test
  void capture_nameAlreadyTaken_fileKeptAndQueryRecordedNotAvailable() throws Exception {
    Path taken = Files.writeString(directory.resolve("drive-identity-1-before-smartctl.json"), "an earlier answer");

    List<Transcript> transcripts = capture(Moment.BEFORE, "smartctl-ata-hdd-healthy.json", 0).capture(DISK, directory, 1,
        Moment.BEFORE);

    assertThat(taken).hasContent("an earlier answer");
    assertThat(transcripts.get(0).file()).isEmpty();
    assertThat(transcripts.get(0).notAvailable()).hasValueSatisfying(why -> assertThat(why)
        .startsWith("its transcript could not be written as drive-identity-1-before-smartctl.json: "));
  }

  @Test
  void capture_afterTheDeviceNodeIsGone_notAskedAndSaysSo() throws Exception {
    SourceIdentity gone = new SourceIdentity(directory.resolve("sdz"), SourceKind.BLOCK_DEVICE, null, null, null, null, 1 << 20,
        512, 512, false, false, true, HiddenAreas.notAvailable("test"), null, List.of(), Set.of());

    List<Transcript> transcripts = capture(Moment.AFTER, "smartctl-ata-hdd-healthy.json", 0).capture(gone, directory, 1,
        Moment.AFTER);

    assertThat(transcripts.get(0).command()).isEmpty();
    assertThat(transcripts.get(0).notAvailable()).contains("the device node " + gone.path()
        + " is gone: the drive was not there to ask");
  }

  /** A capture whose one query, smartctl, prints {@code fixture} and exits {@code exit}. */
  private static DriveIdentityCapture capture(Moment moment, String fixture, int exit) throws IOException {
    byte[] printed = Files.readAllBytes(FIXTURES.resolve(fixture));
    return new DriveIdentityCapture((command, limit) -> QueryOutput.exited(exit, printed, ""), EvidenceClock.system(),
        (source, when) -> List.of(new QueryPlan.Planned(DriveQuery.SMARTCTL,
            List.of("/usr/sbin/smartctl", "-x", "--json=c", source.path().toString()), Optional.empty())),
        Duration.ofSeconds(1));
  }
}

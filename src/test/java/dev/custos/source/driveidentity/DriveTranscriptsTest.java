package dev.custos.source.driveidentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What the report and the summary say a drive said, read from recorded transcripts
 * (test-fixtures/drive-identity, see its README): smartctl's JSON of a healthy SATA disk, of one
 * whose pending sectors grew during the read, of an NVMe SSD, of a USB bridge smartctl does not
 * know and of a loop device; hdparm -I of a SATA disk and of a loop device; nvme id-ctrl and id-ns.
 */
class DriveTranscriptsTest {
  private static final Path FIXTURES = Path.of("test-fixtures/drive-identity");
  private static final Instant T = Instant.parse("2026-12-07T08:00:00.000Z");

  @Test
  void smartctl_healthyAtaDisk_identityAndHealthRead() throws IOException {
    Answer answer = Answer.of(DriveQuery.SMARTCTL, exited(0, "smartctl-ata-hdd-healthy.json"));

    assertThat(answer.notAvailable()).isEmpty();
    DriveFacts facts = answer.facts();
    assertThat(facts.protocol()).contains("ATA");
    assertThat(facts.model()).contains("WDC WD10EZEX-08WN4A0");
    assertThat(facts.serial()).contains("WD-WCC6Y3KF7N2P");
    assertThat(facts.firmware()).contains("01.01A01");
    assertThat(facts.capacityBytes()).hasValue(1_000_204_886_016L);
    assertThat(facts.rotationRate()).hasValue(7200);
    assertThat(facts.smartPassed()).contains(true);
    assertThat(facts.powerOnHours()).hasValue(29615);
    assertThat(facts.reallocatedSectors()).hasValue(0);
    assertThat(facts.pendingSectors()).hasValue(0);
    assertThat(facts.offlineUncorrectable()).hasValue(0);
    assertThat(facts.temperatureCelsius()).hasValue(35);
    assertThat(facts.notes()).isEmpty();
  }

  @Test
  void smartctl_pendingSectorsGrewDuringTheRead_saidPlainly() throws IOException {
    List<DriveIdentity> runs = DriveIdentity.of(List.of(
        transcript(Moment.BEFORE, DriveQuery.SMARTCTL, 0, "smartctl-ata-hdd-healthy.json"),
        transcript(Moment.AFTER, DriveQuery.SMARTCTL, 64, "smartctl-ata-hdd-pending-grew.json")), this::readFixture, null);

    DriveIdentity run = runs.get(0);
    assertThat(run.changes()).containsExactly("pending sectors 0 before, 8 after", "offline uncorrectable sectors 0 before, 8 after");
    assertThat(run.after().orElseThrow().facts().notes()).containsExactly("smartctl exit bit 6: the drive's error log holds errors");
    assertThat(run.after().orElseThrow().healthLine()).contains("SMART overall health PASSED, 29616 power-on hours,"
        + " reallocated sectors 0, pending sectors 8, offline uncorrectable 8, 38 \u00b0C");
  }

  @Test
  void smartctl_sameAnswerBeforeAndAfter_noChange() throws IOException {
    List<DriveIdentity> runs = DriveIdentity.of(List.of(
        transcript(Moment.BEFORE, DriveQuery.SMARTCTL, 0, "smartctl-ata-hdd-healthy.json"),
        transcript(Moment.AFTER, DriveQuery.SMARTCTL, 0, "smartctl-ata-hdd-healthy.json")), this::readFixture, "WD-WCC6Y3KF7N2P");

    assertThat(runs.get(0).changes()).isEmpty();
    assertThat(runs.get(0).disagreements()).isEmpty();
  }

  @Test
  void smartctl_nvmeSsd_healthLogRead() throws IOException {
    DriveFacts facts = Answer.of(DriveQuery.SMARTCTL, exited(0, "smartctl-nvme-ssd.json")).facts();

    assertThat(facts.protocol()).contains("NVMe");
    assertThat(facts.model()).contains("Samsung SSD 970 EVO Plus 500GB");
    assertThat(facts.serial()).contains("S4EVNX0R612345A");
    assertThat(facts.namespaceBytes()).hasValue(500_107_862_016L);
    assertThat(facts.rotationRate()).hasValue(0);
    assertThat(facts.criticalWarning()).hasValue(0);
    assertThat(facts.mediaErrors()).hasValue(0);
    assertThat(facts.percentageUsed()).hasValue(3);
    assertThat(facts.powerOnHours()).hasValue(5127);
    assertThat(facts.smartPassed()).contains(true);
  }

  @Test
  void smartctl_unknownUsbBridge_notAvailableWithItsOwnWords() throws IOException {
    Answer answer = Answer.of(DriveQuery.SMARTCTL, exited(1, "smartctl-usb-unknown-bridge.json"));

    assertThat(answer.notAvailable()).contains("/dev/sdc: Unknown USB bridge [0x152d:0x0578 (0x508)]"
        + " Please specify device type with the -d option. (exit 1)");
    assertThat(answer.facts().isEmpty()).isTrue();
  }

  @Test
  void smartctl_loopDeviceAsRecordedHere_notAvailable() throws IOException {
    Answer answer = Answer.of(DriveQuery.SMARTCTL, exited(1, "smartctl-loop-device.json"));

    assertThat(answer.notAvailable()).contains("/dev/loop4: Unable to detect device type (exit 1)");
  }

  @Test
  void smartctl_notJson_notAvailableWithExitAndFirstErrorLine() {
    Answer answer = Answer.of(DriveQuery.SMARTCTL, QueryOutput.exited(2, new byte[0], "\nsmartctl: permission denied\nmore\n"));

    assertThat(answer.notAvailable()).contains("it printed no JSON (exit 2: smartctl: permission denied)");
  }

  @Test
  void hdparm_sataDisk_identityRead() throws IOException {
    DriveFacts facts = Answer.of(DriveQuery.HDPARM_IDENTIFY, exited(0, "hdparm-I-sata.txt")).facts();

    assertThat(facts.model()).contains("WDC WD10EZEX-08WN4A0");
    assertThat(facts.serial()).contains("WD-WCC6Y3KF7N2P");
    assertThat(facts.firmware()).contains("01.01A01");
    assertThat(facts.capacityBytes()).hasValue(1_953_525_168L * 512);
    assertThat(facts.rotationRate()).hasValue(7200);
  }

  @Test
  void hdparm_capacityBeyondALong_identityKeptCapacityUnknown() throws IOException {
    // A drive (or a bridge) sets IDENTIFY words 100-103 as it likes: 2^63 - 1 sectors of 512 bytes.
    String output = Files.readString(FIXTURES.resolve("hdparm-I-sata.txt")).replace("1953525168", "9223372036854775807");

    Answer answer = Answer.of(DriveQuery.HDPARM_IDENTIFY, QueryOutput.exited(0, output.getBytes(java.nio.charset.StandardCharsets.UTF_8), ""));

    assertThat(answer.notAvailable()).isEmpty();
    assertThat(answer.facts().serial()).contains("WD-WCC6Y3KF7N2P");
    assertThat(answer.facts().capacityBytes()).isEmpty();
    assertThat(answer.facts().notes()).anyMatch(note -> note.contains("9223372036854775807"));
  }

  @Test
  void nvme_namespaceBeyondALong_answeredSizeUnknown() {
    byte[] idNs = "{\"nsze\":9223372036854775807,\"flbas\":0,\"lbafs\":[{\"ds\":12}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Answer answer = Answer.of(DriveQuery.NVME_ID_NS, QueryOutput.exited(0, idNs, ""));

    assertThat(answer.notAvailable()).isEmpty();
    assertThat(answer.facts().namespaceBytes()).isEmpty();
    assertThat(answer.facts().notes()).anyMatch(note -> note.contains("9223372036854775807"));
  }

  @Test
  void smartctl_hugeModelName_boundedSoTheReportStillRenders() throws IOException {
    // A transcript may hold up to 8 MiB; a model name of megabytes once held the report's rendering for minutes.
    String json = Files.readString(FIXTURES.resolve("smartctl-ata-hdd-healthy.json"))
        .replace("\"WDC WD10EZEX-08WN4A0\"", "\"" + "A".repeat(3_000_000) + "\"");

    DriveFacts facts = Answer.of(DriveQuery.SMARTCTL, QueryOutput.exited(0, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), ""))
        .facts();

    assertThat(facts.model().orElseThrow()).startsWith("AAAA").endsWith("(3000000 characters in all; the transcript holds them)")
        .hasSizeLessThan(400);
    assertThat(facts.serial()).contains("WD-WCC6Y3KF7N2P");
  }

  @Test
  void hdparm_hugeSerial_bounded() {
    String output = "\n/dev/sdb:\n\tModel Number: M\n\tSerial Number: " + "9".repeat(100_000) + "\n";

    DriveFacts facts = Answer.of(DriveQuery.HDPARM_IDENTIFY, QueryOutput.exited(0, output.getBytes(java.nio.charset.StandardCharsets.UTF_8), ""))
        .facts();

    assertThat(facts.serial().orElseThrow()).hasSizeLessThan(400).contains("100000 characters in all");
  }

  @Test
  void hdparm_loopDeviceAsRecordedHere_printsOnlyTheNameAndIsNotAvailable() throws IOException {
    Answer answer = Answer.of(DriveQuery.HDPARM_IDENTIFY, exited(0, "hdparm-I-loop-device.txt"));

    assertThat(answer.notAvailable()).contains("the device did not answer ATA IDENTIFY DEVICE: it printed only the device name");
  }

  @Test
  void nvme_idCtrlAndIdNs_paddedStringsStrippedNamespaceSized() throws IOException {
    DriveFacts controller = Answer.of(DriveQuery.NVME_ID_CTRL, exited(0, "nvme-id-ctrl.json")).facts();
    DriveFacts namespace = Answer.of(DriveQuery.NVME_ID_NS, exited(0, "nvme-id-ns.json")).facts();

    assertThat(controller.model()).contains("Samsung SSD 970 EVO Plus 500GB");
    assertThat(controller.serial()).contains("S4EVNX0R612345A");
    assertThat(controller.firmware()).contains("2B2QEXM7");
    assertThat(namespace.namespaceBytes()).hasValue(976_773_168L * 512);
  }

  @Test
  void nvme_loopDeviceAsRecordedHere_failedWithItsErrorLine() throws IOException {
    String stderr = Files.readString(FIXTURES.resolve("nvme-id-ctrl-loop-device.stderr"));

    Answer answer = Answer.of(DriveQuery.NVME_ID_CTRL, QueryOutput.exited(1, new byte[0], stderr));

    assertThat(answer.notAvailable()).contains("failed with exit 1: identify controller: Invalid argument");
  }

  @Test
  void query_timedOut_notAvailableSayingSo() {
    Answer answer = Answer.of(DriveQuery.SMARTCTL, QueryOutput.failed("timed out after 30 s (killed)", new byte[0], ""));

    assertThat(answer.notAvailable()).contains("timed out after 30 s (killed)");
  }

  @Test
  void identity_resumptionReadsADriveWithAnotherSerial_saidAsAChangeSinceTheRunBefore() throws IOException {
    // Behind one USB bridge the kernel's serial stays the bridge's: only the drive's own word tells the drives apart.
    byte[] first = Files.readAllBytes(FIXTURES.resolve("smartctl-ata-hdd-healthy.json"));
    byte[] other = new String(first, java.nio.charset.StandardCharsets.UTF_8).replace("WD-WCC6Y3KF7N2P", "WD-OTHERDRIVE99")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Map<String, byte[]> files = new HashMap<>();
    List<Transcript> transcripts = new java.util.ArrayList<>();
    for (int run = 1; run <= 2; run++) {
      for (Moment moment : Moment.values()) {
        String name = Transcript.TranscriptFile.nameOf(run, moment, DriveQuery.SMARTCTL);
        files.put(name, run == 1 ? first : other);
        transcripts.add(new Transcript(run, moment, DriveQuery.SMARTCTL, List.of("smartctl", "/dev/sdb"), T, T, OptionalInt.of(0),
            Optional.of(new Transcript.TranscriptFile(name, files.get(name).length, "0".repeat(64))), Optional.empty()));
      }
    }

    List<DriveIdentity> runs = DriveIdentity.of(transcripts,
        transcript -> DriveIdentity.Read.of(files.get(transcript.file().orElseThrow().name())), "152D00539000");

    assertThat(runs.get(0).sinceEarlierRun()).isEmpty();
    assertThat(runs.get(1).changes()).isEmpty();
    assertThat(runs.get(1).sinceEarlierRun())
        .containsExactly("serial number WD-WCC6Y3KF7N2P at the end of run 1, WD-OTHERDRIVE99 before run 2");
  }

  @Test
  void identity_serialDisagreesWithKernel_stated() throws IOException {
    List<DriveIdentity> runs = DriveIdentity.of(List.of(
        transcript(Moment.BEFORE, DriveQuery.HDPARM_IDENTIFY, 0, "hdparm-I-sata.txt")), this::readFixture, "152D00539000");

    assertThat(runs.get(0).disagreements()).containsExactly("the drive reports serial number WD-WCC6Y3KF7N2P, the kernel"
        + " reported 152D00539000 for the source (a USB bridge or enclosure may report its own)");
    assertThat(runs.get(0).after()).isEmpty();
  }

  @Test
  void identity_transcriptChangedSinceRecorded_notReadAsTheDrivesWord() throws IOException {
    Transcript smartctl = transcript(Moment.BEFORE, DriveQuery.SMARTCTL, 0, "smartctl-ata-hdd-healthy.json");

    DriveIdentity run = DriveIdentity.of(List.of(smartctl),
        transcript -> DriveIdentity.Read.failed("drive-identity-1-before-smartctl.json changed"), null).get(0);

    assertThat(run.before().nothing()).isTrue();
    assertThat(run.before().notAvailableLine()).isEqualTo("not available (smartctl: drive-identity-1-before-smartctl.json changed)");
  }

  @Test
  void identity_smartctlAndHdparm_mergedSmartctlFirst() throws IOException {
    DriveIdentity run = DriveIdentity.of(List.of(
        transcript(Moment.BEFORE, DriveQuery.HDPARM_IDENTIFY, 0, "hdparm-I-sata.txt"),
        transcript(Moment.BEFORE, DriveQuery.SMARTCTL, 0, "smartctl-ata-hdd-healthy.json")), this::readFixture, null).get(0);

    assertThat(run.before().answered()).containsExactly("hdparm", "smartctl");
    assertThat(run.before().identityLine()).isEqualTo("ATA WDC WD10EZEX-08WN4A0, serial WD-WCC6Y3KF7N2P, firmware 01.01A01,"
        + " 1000204886016 bytes, 7200 rpm");
  }

  private static QueryOutput exited(int exit, String fixture) throws IOException {
    return QueryOutput.exited(exit, Files.readAllBytes(FIXTURES.resolve(fixture)), "");
  }

  /** The fixture behind each transcript's file name in the evidence directory. */
  private final Map<String, String> fixtures = new HashMap<>();

  private Transcript transcript(Moment moment, DriveQuery query, int exit, String fixture) throws IOException {
    String name = Transcript.TranscriptFile.nameOf(1, moment, query);
    fixtures.put(name, fixture);
    byte[] bytes = Files.readAllBytes(FIXTURES.resolve(fixture));
    return new Transcript(1, moment, query, List.of(query.tool(), "/dev/sdb"), T, T, OptionalInt.of(exit),
        Optional.of(new Transcript.TranscriptFile(name, bytes.length, "0".repeat(64))), Optional.empty());
  }

  private DriveIdentity.Read readFixture(Transcript transcript) {
    try {
      return DriveIdentity.Read.of(Files.readAllBytes(FIXTURES.resolve(fixtures.get(transcript.file().orElseThrow().name()))));
    } catch (IOException e) {
      return DriveIdentity.Read.failed(e.getMessage());
    }
  }
}

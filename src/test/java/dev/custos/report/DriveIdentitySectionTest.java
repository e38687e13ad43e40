package dev.custos.report;

import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.source.driveidentity.DriveIdentity;
import dev.custos.source.driveidentity.DriveQuery;
import dev.custos.source.driveidentity.Moment;
import dev.custos.source.driveidentity.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's "Drive identity" section as pdftotext reads it: who the drive said it was before
 * and after the read, its health, a change said plainly, and a serial number that disagrees with
 * the kernel's; from the recorded smartctl transcripts of test-fixtures/drive-identity.
 */
class DriveIdentitySectionTest {
  private static final Path FIXTURES = Path.of("test-fixtures/drive-identity");
  private static final Instant T = Instant.parse("2026-11-25T10:00:00.000Z");
  private static final Map<Moment, String> SMARTCTL = Map.of(Moment.BEFORE, "smartctl-ata-hdd-healthy.json",
      Moment.AFTER, "smartctl-ata-hdd-pending-grew.json");

  @TempDir Path temp;

  @Test
  void pdftotext_pendingSectorsGrew_beforeAfterAndTheChangeInWords() throws IOException {
    ReportInput demo = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.UNSIGNED);
    List<DriveIdentity> identity = DriveIdentity.of(List.of(transcript(Moment.BEFORE), transcript(Moment.AFTER)),
        transcript -> DriveIdentity.Read.of(fixture(SMARTCTL.get(transcript.moment()))), "152D00539000");
    ReportInput input = new ReportInput(demo.manifest(), demo.manifestBytes(), demo.custodyBytes(), demo.events(), demo.head(),
        demo.unsignedEvents(), demo.signature(), demo.renderedAt(), identity);
    Path pdf = Files.write(temp.resolve("report.pdf"), ReportRenderer.render(input));

    String flat = ok("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ");
    List<String> lines = layoutLines(pdf);

    assertThat(lines).contains("Drive identity").anyMatch(line -> line.startsWith("Before ATA WDC WD10EZEX-08WN4A0, serial"))
        .anyMatch(line -> line.startsWith("After ATA WDC WD10EZEX-08WN4A0, serial"));
    assertThat(flat).contains("ATA WDC WD10EZEX-08WN4A0, serial WD-WCC6Y3KF7N2P, firmware 01.01A01, 1000204886016 bytes, 7200 rpm")
        .contains("Health SMART overall health PASSED, 29615 power-on hours, reallocated sectors 0, pending sectors 0")
        .contains("Health SMART overall health PASSED, 29616 power-on hours, reallocated sectors 0, pending sectors 8,"
            + " offline uncorrectable 8")
        .contains("Note smartctl exit bit 6: the drive's error log holds errors")
        .contains("Changed: pending sectors 0 before, 8 after.")
        .contains("Changed: offline uncorrectable sectors 0 before, 8 after.")
        .contains("Disagrees: the drive reports serial number WD-WCC6Y3KF7N2P, the kernel reported 152D00539000 for the source");
  }

  @Test
  void pdftotext_smartctlFailedBeforeAnsweredAfter_healthNotClaimedTheSame() throws IOException {
    ReportInput demo = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.UNSIGNED);
    // Before: hdparm answered, smartctl did not (a bridge refused it); after: smartctl says 8 pending sectors.
    Transcript hdparm = new Transcript(1, Moment.BEFORE, DriveQuery.HDPARM_IDENTIFY, List.of("/usr/sbin/hdparm", "-I", "/dev/sdb"),
        T, T, OptionalInt.of(0), Optional.of(new Transcript.TranscriptFile(Transcript.TranscriptFile.nameOf(1, Moment.BEFORE,
            DriveQuery.HDPARM_IDENTIFY), fixture("hdparm-I-sata.txt").length, "0".repeat(64))), Optional.empty());
    List<DriveIdentity> identity = DriveIdentity.of(List.of(hdparm, transcript(Moment.AFTER)),
        transcript -> DriveIdentity.Read.of(fixture(transcript.query() == DriveQuery.HDPARM_IDENTIFY ? "hdparm-I-sata.txt"
            : SMARTCTL.get(Moment.AFTER))), null);
    ReportInput input = new ReportInput(demo.manifest(), demo.manifestBytes(), demo.custodyBytes(), demo.events(), demo.head(),
        demo.unsignedEvents(), demo.signature(), demo.renderedAt(), identity);
    Path pdf = Files.write(temp.resolve("report.pdf"), ReportRenderer.render(input));

    String flat = ok("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ");

    assertThat(flat).contains("pending sectors 8").doesNotContain("health counters the same")
        .contains("none in what was said both before and after (model, serial number, firmware, capacity (bytes))")
        .contains("pending sectors, offline uncorrectable sectors: said on one side only");
  }

  @Test
  void pdftotext_fileSource_notABlockDeviceBeforeAndAfter() throws IOException {
    ReportInput demo = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.UNSIGNED);
    Path pdf = Files.write(temp.resolve("report.pdf"), ReportRenderer.render(demo));

    // The demo acquires a file: nothing to ask, and the report says why.
    assertThat(layoutLines(pdf)).contains("Drive identity")
        .anyMatch(line -> line.startsWith("Before not available (not a block device: the source is a file"))
        .anyMatch(line -> line.startsWith("After not available (smartctl: not a block device: the source is a file"));
    assertThat(ok("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " "))
        .contains("not available (not a block device: the source is a file, which has no drive to ask)");
  }

  /** pdftotext -layout's lines, each stripped and its runs of blanks made one: a label and its value read as one line. */
  private static List<String> layoutLines(Path pdf) {
    return ok("pdftotext", "-layout", pdf.toString(), "-").lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
  }

  private static Transcript transcript(Moment moment) {
    String name = Transcript.TranscriptFile.nameOf(1, moment, DriveQuery.SMARTCTL);
    byte[] bytes = fixture(SMARTCTL.get(moment));
    return new Transcript(1, moment, DriveQuery.SMARTCTL, List.of("/usr/sbin/smartctl", "-x", "--json=c", "/dev/sdb"), T, T,
        OptionalInt.of(moment == Moment.AFTER ? 64 : 0), Optional.of(new Transcript.TranscriptFile(name, bytes.length,
            "0".repeat(64))), Optional.empty());
  }

  private static byte[] fixture(String name) {
    try {
      return Files.readAllBytes(FIXTURES.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.custos.report;

import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.evidence.ManifestReader;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's local times are those of the zone its manifest records, whatever the zone of the
 * machine that renders it; a summer instant carries the summer offset; a manifest that records no
 * zone, or UTC, shows UTC alone and says why. Read back with pdftotext, the offsets as GNU date
 * gives them.
 */
class ReportTimesTest {
  private static final String SUMMER_START = "2026-07-02T09:15:30.123Z";
  private static final String SUMMER_END = "2026-07-02T09:15:31.456Z";

  @TempDir static Path temp;
  private static ReportInput demo;

  @BeforeAll
  static void acquireDemo() {
    demo = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.UNSIGNED);
  }

  /** The demo's report, its manifest recording {@code zone} (none when null), begun and ended on a summer morning. */
  private static String reportText(String zone) throws IOException {
    ObjectNode manifest = ReportInputs.tree(demo);
    ObjectNode host = (ObjectNode) manifest.path("host");
    host.remove(List.of("timeZone", "utcOffsetAtStart"));
    if (zone != null) {
      host.put("timeZone", zone).put("utcOffsetAtStart", byDate(zone, Instant.parse(SUMMER_START), "%:z"));
    }
    ((ObjectNode) manifest.path("timing")).put("started", SUMMER_START).put("ended", SUMMER_END);
    byte[] bytes = manifest.toPrettyString().getBytes(StandardCharsets.UTF_8);
    ReportInput input = new ReportInput(ManifestReader.read(manifest), bytes, demo.custodyBytes(), demo.events(), demo.head(),
        demo.unsignedEvents(), demo.signature(), demo.renderedAt());
    Path pdf = Files.write(temp.resolve("report-" + (zone == null ? "none" : zone.replace('/', '-')) + ".pdf"),
        ReportRenderer.render(input));
    return ok("pdftotext", "-raw", pdf.toString(), "-").replaceAll("\\s+", " ");
  }

  private static String byDate(String zone, Instant instant, String format) {
    return ExternalTool.run(List.of("env", "TZ=" + zone, "date", "-d", "@" + instant.getEpochSecond(), "+" + format))
        .stdout().strip();
  }

  private static String local(String zone, String utc) {
    return byDate(zone, Instant.parse(utc), "%Y-%m-%d %H:%M:%S %Z (%:z)");
  }

  @Test
  void report_manifestInNewYork_newYorkTimesSummerAndWinterOffsetsPerInstant() throws IOException {
    String text = reportText("America/New_York");
    String rendered = dev.custos.evidence.EvidenceClock.format(ReportInputs.RENDERED);

    assertThat(local("America/New_York", SUMMER_START)).endsWith("EDT (-04:00)");
    assertThat(local("America/New_York", rendered)).endsWith("EST (-05:00)");
    assertThat(text).contains("Started " + SUMMER_START + " = " + local("America/New_York", SUMMER_START))
        .contains("Ended " + SUMMER_END + " = " + local("America/New_York", SUMMER_END))
        .contains("Rendered " + rendered + " = " + local("America/New_York", rendered))
        .contains("local time in America/New_York, the time zone of the acquisition workstation as the manifest records it");
  }

  @Test
  void report_manifestWithoutZone_utcOnlyAndSaysWhy() throws IOException {
    String text = reportText(null);

    assertThat(text).contains("UTC (ISO 8601, Z) only: the manifest records no time zone of the acquisition workstation")
        .contains("Started " + SUMMER_START + " Command line")
        .doesNotContain(" = 20").doesNotContain("(+0").doesNotContain("(-0");
  }

  @Test
  void report_manifestInUtc_noLocalTimeRepeatsIt() throws IOException {
    String text = reportText("Etc/UTC");

    assertThat(text).contains("the acquisition workstation's time zone, Etc/UTC, is UTC")
        .doesNotContain(" = 20").doesNotContain("(+00:00)");
  }

  @Test
  void report_manifestInAZoneThisJavaDoesNotKnow_utcOnlyNamingIt() throws IOException {
    String text = reportText("Mars/Olympus_Mons");

    assertThat(text).contains("the manifest records the time zone 'Mars/Olympus_Mons', which this Java does not know")
        .doesNotContain(" = 20");
  }
}

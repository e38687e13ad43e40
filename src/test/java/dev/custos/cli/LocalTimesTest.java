package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acquisition on a workstation in Berlin ({@code TZ=Europe/Berlin}): the report and the summary
 * show each UTC time with the Berlin time beside it, its abbreviation and offset as GNU {@code date}
 * gives them for that instant (+01:00 in winter, +02:00 in summer); the manifest keeps UTC and
 * records the zone.
 */
class LocalTimesTest {
  private static final Pattern UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  private static final Map<String, String> BERLIN = Map.of("TZ", "Europe/Berlin");

  @TempDir static Path temp;
  private static Path out;
  private static String summary;

  @BeforeAll
  static void acquireInBerlin() throws Exception {
    out = temp.resolve("evidence");
    CustosProcess acquire = CustosProcess.startIn(temp, BERLIN, temp, "acquire", "acquire", "image", Evidence.FLOPPY.toString(),
        "--out", out.toString(), "--case", "2026-0142", "--evidence", "FLOPPY-01", "--examiner", "Jane Doe", "--unsigned");
    assertThat(acquire.exitCode()).as(acquire.stderr()).isZero();
    summary = acquire.stdout();
  }

  /** {@code instant} in Berlin as GNU date prints it: {@code 2026-12-02 10:15:30 CET (+01:00)}. */
  private static String berlinByDate(Instant instant) {
    return ExternalTool.run(List.of("env", "TZ=Europe/Berlin", "date", "-d", "@" + instant.getEpochSecond(),
        "+%Y-%m-%d %H:%M:%S %Z (%:z)")).stdout().strip();
  }

  private static Set<String> utcTimes(String text) {
    Set<String> times = new LinkedHashSet<>();
    Matcher matcher = UTC.matcher(text);
    while (matcher.find()) {
      times.add(matcher.group());
    }
    return times;
  }

  @Test
  void report_inBerlin_everyUtcTimeHasItsBerlinTimeAndOffsetBesideIt() throws Exception {
    String text = ExternalTool.ok("pdftotext", "-raw", out.resolve("report.pdf").toString(), "-");
    String oneLine = text.replaceAll("\\s+", " ");

    Set<String> times = utcTimes(text);
    assertThat(times).as("started, ended, rendered and the custody events' times").hasSizeGreaterThanOrEqualTo(4);
    for (String utc : times) {
      String local = berlinByDate(Instant.parse(utc));
      assertThat(local).matches(".* (CET \\(\\+01:00\\)|CEST \\(\\+02:00\\))");
      assertThat(oneLine).as("the Berlin time beside " + utc).containsPattern(Pattern.quote(utc) + "( = |\\s*(\\S+\\s+){0,12}?)"
          + Pattern.quote(local));
    }
    JsonNode timing = Evidence.manifest(out).path("timing");
    for (String member : List.of("started", "ended")) {
      String utc = timing.path(member).asText();
      assertThat(oneLine).contains(utc + " = " + berlinByDate(Instant.parse(utc)));
    }
    assertThat(oneLine).as("which zone, said once").contains("the same instant in local time in Europe/Berlin, the time zone of the acquisition workstation as the manifest records it");
  }

  @Test
  void summary_inBerlin_startAndEndWithTheirBerlinTimes() {
    JsonNode timing = Evidence.manifest(out).path("timing");
    for (String member : List.of("started", "ended")) {
      String utc = timing.path(member).asText();
      assertThat(summary).containsPattern("(?m)^  " + member + " +" + Pattern.quote(utc + " = " + berlinByDate(Instant.parse(utc))) + "$");
    }
  }

  @Test
  void manifest_inBerlin_keepsUtcRecordsTheZoneAndValidates() throws Exception {
    JsonNode manifest = Evidence.manifest(out);
    String started = manifest.path("timing").path("started").asText();

    assertThat(started).matches(UTC);
    assertThat(manifest.path("host").path("timeZone").asText()).isEqualTo("Europe/Berlin");
    // date's %:z of the start, the offset the manifest says was in force then.
    assertThat(manifest.path("host").path("utcOffsetAtStart").asText()).isEqualTo(ExternalTool.run(List.of("env",
        "TZ=Europe/Berlin", "date", "-d", "@" + Instant.parse(started).getEpochSecond(), "+%:z")).stdout().strip());
    Evidence.assertValidWithPythonJsonSchema(out.resolve("acquisition.json"));
  }

  @Test
  void custodyTable_inBerlin_eachEventsBerlinTimeBelowItsRow() throws Exception {
    CustosProcess custody = CustosProcess.startIn(temp, BERLIN, temp, "custody", "report", "custody", out.toString());
    assertThat(custody.exitCode()).as(custody.stderr()).isZero();
    String table = custody.stdout();

    for (JsonNode event : Evidence.custodyEvents(out)) {
      String utc = event.path("time").asText();
      assertThat(table).containsPattern("(?m)^ +" + event.path("seq").asLong() + "  " + Pattern.quote(utc) + " .*\\R +=  ?"
          + Pattern.quote(berlinByDate(Instant.parse(utc))) + "$");
    }
    assertThat(table).contains("local time in Europe/Berlin (this workstation's time zone)");
  }

  @Test
  void verify_inBerlin_saysWhenWithTheBerlinTimes() throws Exception {
    CustosProcess verify = CustosProcess.startIn(temp, BERLIN, temp, "verify", "report", "verify", out.toString(), "--no-record");
    assertThat(verify.exitCode()).as(verify.stderr()).isZero();
    String from = verify.stdout().lines().filter(line -> line.startsWith("  from ")).findFirst().orElseThrow();

    Set<String> times = utcTimes(from);
    assertThat(times).isNotEmpty();
    for (String utc : times) {
      assertThat(from).contains(utc + " = " + berlinByDate(Instant.parse(utc)));
    }
  }

  @Test
  void jsonOutputs_inBerlin_stayUtc() throws Exception {
    for (String[] command : List.of(new String[] {"report", "custody", out.toString(), "--json"},
        new String[] {"report", "verify", out.toString(), "--json", "--no-record"})) {
      CustosProcess json = CustosProcess.startIn(temp, BERLIN, temp, "json-" + command[1], command);
      assertThat(json.exitCode()).as(json.stderr()).isZero();

      assertThat(utcTimes(json.stdout())).as(String.join(" ", command)).isNotEmpty();
      assertThat(json.stdout()).as(String.join(" ", command)).doesNotContain("+01:00").doesNotContain("+02:00")
          .doesNotContain(" CET").doesNotContain(" CEST");
    }
  }

  @Test
  void custodyTable_inUtc_noLocalTimeRepeatsIt() throws Exception {
    CustosProcess custody = CustosProcess.startIn(temp, Map.of("TZ", "UTC"), temp, "custody-utc", "report", "custody", out.toString());
    assertThat(custody.exitCode()).as(custody.stderr()).isZero();

    assertThat(custody.stdout()).doesNotContain(" = ").doesNotContain("(+00:00)").doesNotContain("local time");
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.PythonJsonSchema;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed acquisition's time, as the examiner and the court see it: every manifest gives the
 * same start (the custody log's {@code acquisition-started}); the duration is the time its runs
 * ran, the time it was stopped between them stated and not counted; the report's read-rate graph
 * draws every run on one axis, each resumed run marked by a labelled line. Every stop is a real
 * signal to a real process; the manifests are checked with python3-jsonschema, the report with
 * pdftotext.
 */
class AcquireResumeRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Long enough between the runs that a duration counting it could not pass for one that does not. */
  private static final long STOPPED_MILLIS = 3000;

  @TempDir Path temp;

  @Test
  void resume_afterSigterm_everyManifestGivesTheFirstRunsStartAndTheDurationLeavesOutTheStop() throws Exception {
    Path source = sparse("source.bin", 1L << 30);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 300L << 20, "TERM")).isEqualTo(143);
    JsonNode interrupted = Evidence.manifest(out);
    Thread.sleep(STOPPED_MILLIS);

    Cli.Run resumed = Cli.runWith(Map.of(), "acquire", "resume", out.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    JsonNode manifest = Evidence.manifest(out);
    assertValid(out.resolve("acquisition.json"));
    assertValid(out.resolve("acquisition-interrupted-1.json"));
    List<JsonNode> events = Evidence.custodyEvents(out);
    String startedEvent = event(events, "acquisition-started").path("time").asText();
    String resumedEvent = event(events, "acquisition-resumed").path("time").asText();
    JsonNode timing = manifest.path("timing");
    assertThat(List.of(interrupted.path("timing").path("started").asText(), timing.path("started").asText()))
        .as("the interruption's manifest and the final one start when the custody log says the acquisition started")
        .containsOnly(startedEvent);
    JsonNode runs = timing.path("runs");
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).path("started").asText()).isEqualTo(startedEvent);
    assertThat(runs.get(0).path("ended").asText()).as("run 1 ends as its interruption's manifest says")
        .isEqualTo(interrupted.path("timing").path("ended").asText());
    assertThat(runs.get(0).path("endRecorded").asBoolean()).isTrue();
    assertThat(runs.get(0).path("rateSamples")).as("run 1's samples, as its manifest recorded them")
        .isEqualTo(interrupted.path("rateSamples"));
    assertThat(List.of(runs.get(1).path("started").asText(), manifest.path("resumptions").get(0).path("time").asText()))
        .as("run 2 starts when the custody log says it resumed").containsOnly(resumedEvent);

    long run1 = millisBetween(runs.get(0).path("started"), runs.get(0).path("ended"));
    long run2 = millisBetween(runs.get(1).path("started"), runs.get(1).path("ended"));
    long span = millisBetween(timing.path("started"), timing.path("ended"));
    assertThat(timing.path("durationMs").asLong()).as("the time the runs ran").isEqualTo(run1 + run2);
    assertThat(timing.path("spanMs").asLong()).isEqualTo(span);
    assertThat(timing.path("stoppedMs").asLong()).isEqualTo(span - run1 - run2).isGreaterThanOrEqualTo(STOPPED_MILLIS);
    assertThat(timing.path("averageBytesPerSecond").asLong()).as("over the time it ran")
        .isEqualTo(Math.round(manifest.path("outcome").path("bytesAcquired").asLong() * 1000.0 / (run1 + run2)));

    String duration = line(resumed.out(), "duration");
    assertThat(duration).startsWith("  duration     " + seconds(run1 + run2) + " over 2 runs; stopped "
        + seconds(span - run1 - run2) + " between them (not counted), average");
    assertThat(line(resumed.out(), "span")).isEqualTo("  span         " + seconds(span)
        + " from the first start to the end, stopped time included");

    String report = ExternalTool.ok("pdftotext", out.resolve("report-2.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).as("the report states the duration and the stop, and marks run 2 on the read-rate graph")
        .contains(seconds(run1 + run2) + " over 2 runs; stopped " + seconds(span - run1 - run2) + " between them (not counted)")
        .contains(seconds(span) + " from the first start to the end, stopped time included")
        .contains("run 2, resumed " + resumedEvent)
        .contains("the time stopped between runs cut out");
    assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
  }

  @Test
  void resume_afterKill9_theRunEndsAtItsLastRecordedProgressAndSaysSo() throws Exception {
    Path source = sparse("source.bin", 2L << 30);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");
    JsonNode lastSample = awaitSampleAfter(acquisition, out.resolve("acquisition-progress.jsonl"), 1000, null);
    acquisition.signal("KILL");
    assertThat(acquisition.exitCode()).isEqualTo(137);
    lastSample = lastSample(out.resolve("acquisition-progress.jsonl"));

    Cli.Run resumed = Cli.runWith(Map.of(), "acquire", "resume", out.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertValid(out.resolve("acquisition.json"));
    JsonNode manifest = Evidence.manifest(out);
    String startedEvent = event(Evidence.custodyEvents(out), "acquisition-started").path("time").asText();
    assertThat(manifest.path("timing").path("started").asText()).isEqualTo(startedEvent);
    JsonNode run1 = manifest.path("timing").path("runs").get(0);
    assertThat(lastSample.path("run").asText()).as("the progress record names the run by its start").isEqualTo(startedEvent);
    assertThat(run1.path("endRecorded").asBoolean()).isFalse();
    assertThat(Instant.parse(run1.path("ended").asText())).as("its last sample in the progress record")
        .isEqualTo(Instant.parse(startedEvent).plusMillis(lastSample.path("elapsedMs").asLong()));
    assertThat(line(resumed.out(), "duration")).contains(" over 2 runs; stopped ")
        .contains("; run 1 died without recording its end: counted to its last recorded progress");
    String report = ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).contains("run 1 died without recording its end: counted to its last recorded progress")
        .contains("run 2, resumed ");
  }

  @Test
  void resume_afterSigtermThenKill9_threeRunsEachWithItsStartAndHowItEnded() throws Exception {
    Path source = sparse("source.bin", 2L << 30);
    Path out = temp.resolve("evidence");
    CustosProcess first = CustosProcess.start(temp, "first", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");
    assertThat(first.signalAt(out.resolve("image.ima"), 200L << 20, "TERM")).isEqualTo(143);
    String firstRun = Evidence.manifest(out).path("timing").path("started").asText();
    CustosProcess second = CustosProcess.start(temp, "second", "acquire", "resume", out.toString());
    awaitSampleAfter(second, out.resolve("acquisition-progress.jsonl"), 1000, firstRun);
    second.signal("KILL");
    assertThat(second.exitCode()).isEqualTo(137);

    Cli.Run third = Cli.runWith(Map.of(), "acquire", "resume", out.toString());

    assertThat(third.exitCode()).as(third.err()).isZero();
    assertValid(out.resolve("acquisition.json"));
    JsonNode manifest = Evidence.manifest(out);
    List<JsonNode> events = Evidence.custodyEvents(out);
    List<String> opened = events.stream().filter(event -> event.path("type").asText().equals("acquisition-started")
        || event.path("type").asText().equals("acquisition-resumed")).map(event -> event.path("time").asText()).toList();
    JsonNode runs = manifest.path("timing").path("runs");
    assertThat(runs).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(runs.get(i).path("started").asText()).as("run %d starts at its custody event", i + 1).isEqualTo(opened.get(i));
    }
    assertThat(List.of(runs.get(0).path("endRecorded").asBoolean(), runs.get(1).path("endRecorded").asBoolean(),
        runs.get(2).path("endRecorded").asBoolean())).as("SIGTERM recorded, kill -9 did not, the last completed")
        .containsExactly(true, false, true);
    assertThat(runs.get(0).path("ended").asText())
        .isEqualTo(JSON.readTree(out.resolve("acquisition-interrupted-1.json").toFile()).path("timing").path("ended").asText());
    assertThat(line(third.out(), "duration")).contains(" over 3 runs; stopped ")
        .contains("run 2 died without recording its end: counted to its last recorded progress");
  }

  /**
   * Waits until the progress record's last rate sample is at least {@code millis} into a run not
   * begun at {@code notOfRun} (null: any run); returns it.
   */
  private static JsonNode awaitSampleAfter(CustosProcess process, Path record, long millis, String notOfRun) throws Exception {
    while (process.isAlive()) {
      if (Files.exists(record)) {
        JsonNode last = lastSample(record);
        if (last != null && last.path("elapsedMs").asLong() >= millis && !last.path("run").asText().equals(notOfRun)) {
          return last;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the acquisition ended before recording a sample " + millis + " ms into its run: " + process.stderr());
  }

  /** The last whole rate-sample line of the progress record, read as JSON by Jackson, not by Custos. */
  private static JsonNode lastSample(Path record) throws Exception {
    JsonNode last = null;
    String text = Files.readString(record, StandardCharsets.UTF_8);
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      JsonNode node = JSON.readTree(line);
      if (node.has("run")) {
        last = node;
      }
    }
    return last;
  }

  private static JsonNode event(List<JsonNode> events, String type) {
    return events.stream().filter(event -> event.path("type").asText().equals(type)).findFirst().orElseThrow();
  }

  private static long millisBetween(JsonNode from, JsonNode to) {
    return Duration.between(Instant.parse(from.asText()), Instant.parse(to.asText())).toMillis();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%d.%03d s", millis / 1000, millis % 1000);
  }

  private static String line(String text, String label) {
    return text.lines().filter(line -> line.startsWith(String.format(Locale.ROOT, "  %-12s ", label))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + label + " line in: " + text));
  }

  private static void assertValid(Path manifest) {
    PythonJsonSchema.Result valid = PythonJsonSchema.validate(Evidence.SCHEMA, manifest);
    assertThat(valid.valid()).as("%s: %s", manifest.getFileName(), valid.output()).isTrue();
  }

  private Path sparse(String name, long size) throws Exception {
    Path source = temp.resolve(name);
    try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
      file.setLength(size); // sparse: reads fast, costs no disk
    }
    return source;
  }
}

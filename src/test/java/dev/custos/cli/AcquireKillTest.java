package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.acquire.AcquireStoppedAt;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of a real {@code acquire image} process (its own JVM) at each step of writing its
 * manifest: staged, recorded, linked, placed ({@code AcquireStoppedAt}, a test-only hook, stops it
 * there; then it is killed for real), for an acquisition that read every byte and for one stopped
 * (as by a signal) before its first read. {@code report verify} never says that a manifest is one no
 * event records, or that it changed: it names the acquisition as incomplete, or the manifest as
 * recorded and not yet in place, or the report as missing; the documented next command ({@code
 * acquire resume}, or {@code report render} once the end of a completed acquisition is recorded)
 * works, and after it the directory verifies (exit 0) with an image {@code cmp}-equal to the source.
 */
class AcquireKillTest {
  private static final long PAGE = 4096;
  /** Room for the image (1.44 MB), the 16 MiB Custos keeps for the records, and the rest. */
  private static final long DISK = 40L << 20;
  private static final String NO_EVENT = "no acquisition-completed or acquisition-interrupted event";

  @TempDir Path temp;

  @ParameterizedTest(name = "{1} acquisition killed at {0}")
  @CsvSource({
      "manifest-staged, completed", "manifest-recorded, completed", "manifest-linked, completed", "manifest-placed, completed",
      "manifest-staged, interrupted", "manifest-recorded, interrupted", "manifest-linked, interrupted",
      "manifest-placed, interrupted"})
  void kill9_atEachStepOfPlacingTheManifest_neverReadsAsTamperingAndTheNextCommandWorks(String step, String outcome)
      throws Exception {
    Path out = temp.resolve("evidence");
    Path marker = temp.resolve("marker");
    CustosProcess acquire = CustosProcess.startMain(temp, "acquire", AcquireStoppedAt.class, Evidence.FLOPPY.toString(),
        out.toString(), step, marker.toString(), outcome);

    assertThat(acquire.awaitFileSize(marker, 1)).as("stopped at %s: %s", step, acquire.stderr()).isTrue();
    assertThat(Files.readString(marker)).isEqualTo(step);
    acquire.signal("KILL");
    assertThat(acquire.exitCode()).isEqualTo(137);

    Path manifest = out.resolve("acquisition.json");
    Path staged = out.resolve(".acquisition.json.partial");
    boolean recorded = !step.equals("manifest-staged");
    String endType = outcome.equals("completed") ? "acquisition-completed" : "acquisition-interrupted";
    JsonNode last = lastAcquisitionEvent(out);
    assertThat(last.path("type").asText()).isEqualTo(recorded ? endType : "acquisition-started");
    assertThat(Files.exists(manifest)).as("acquisition.json only once recorded").isEqualTo(step.equals("manifest-linked")
        || step.equals("manifest-placed"));
    assertThat(Files.exists(staged)).isEqualTo(!step.equals("manifest-placed"));
    if (recorded) {
      Path holder = Files.exists(manifest) ? manifest : staged;
      assertThat(ExternalTool.digestOf("sha256sum", holder)).as("the bytes the event recorded")
          .isEqualTo(last.path("data").path("manifest").path("sha256").asText());
    }

    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.out()).as("never a tamper finding").doesNotContain(NO_EVENT).doesNotContain("changed after")
        .doesNotContainPattern("(?m)^VERIFIED");
    assertThat(verified.exitCode()).as("%s%s", verified.out(), verified.err()).isEqualTo(1);
    if (!recorded) {
      assertThat(verified.out()).contains("INCOMPLETE: the acquisition stopped without recording how far it got")
          .doesNotContain("NOT VERIFIED").doesNotContain("acquisition.json is missing")
          .contains("the acquisition was stopped after writing its manifest to .acquisition.json.partial")
          .contains("before the custody log recorded its end");
    } else if (outcome.equals("interrupted")) {
      assertThat(verified.out()).contains("INCOMPLETE");
    } else {
      assertThat(verified.out()).contains("no report was rendered after the acquisition completed");
    }
    if (step.equals("manifest-recorded")) {
      assertThat(verified.out()).contains("the acquisition was stopped after recording its end, before putting its manifest in"
          + " place: the bytes custody.jsonl seq " + last.path("seq").asLong() + " recorded are in .acquisition.json.partial");
    }

    boolean resume = outcome.equals("interrupted") || !recorded;
    Cli.Run next = resume ? Cli.run("acquire", "resume", out.toString(), "--unsigned") : Cli.run("report", "render", out.toString());
    assertThat(next.exitCode()).as("the next command: %s%s", next.out(), next.err()).isZero();
    if (!resume && step.equals("manifest-recorded")) {
      assertThat(next.out()).contains("acquisition.json, recorded by the acquisition's ending event, put in place");
    }

    Cli.Run again = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(again.exitCode()).as("%s%s", again.out(), again.err()).isZero();
    assertThat(again.out()).containsPattern("(?m)^VERIFIED").doesNotContain(NO_EVENT);
    assertThat(ExternalTool.identical(Evidence.FLOPPY, out.resolve("image.dd"))).as("cmp image.dd with the source").isTrue();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(file -> file.getFileName().toString())).as("no temporary file left").noneMatch(name -> name.endsWith(".partial"));
    }
  }

  @ParameterizedTest(name = "killed {0} ms after acquisition.json appeared")
  @ValueSource(ints = {0, 0, 0, 1, 2, 4})
  void kill9_asTheManifestAppears_neverAManifestNoEventRecords(int delayMs) throws Exception {
    Path out = temp.resolve("evidence-" + System.nanoTime());
    CustosProcess acquire = CustosProcess.start(temp, "acquire-" + System.nanoTime(), "acquire", "image", Evidence.FLOPPY.toString(),
        "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");

    assertThat(acquire.awaitFileSize(out.resolve("acquisition.json"), 1)).as(acquire.stderr()).isTrue();
    if (delayMs > 0) {
      Thread.sleep(delayMs);
    }
    acquire.signal("KILL");
    acquire.exitCode();

    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.out()).as("never a tamper finding").doesNotContain(NO_EVENT).doesNotContain("changed after");
    assertThat(lastAcquisitionEvent(out).path("type").asText()).as("acquisition.json appears only once recorded")
        .isEqualTo("acquisition-completed");
    if (verified.exitCode() != 0) {
      Cli.Run render = Cli.run("report", "render", out.toString());
      assertThat(render.exitCode()).as("report render: %s%s", render.out(), render.err()).isZero();
    }
    Cli.Run again = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(again.exitCode()).as("%s%s", again.out(), again.err()).isZero();
    assertThat(ExternalTool.identical(Evidence.FLOPPY, out.resolve("image.ima"))).as("cmp image.ima with the source").isTrue();
  }

  @Test
  void resume_ofACompletedAcquisitionKilledBeforeItsManifestWasPlaced_placesItRefusesAndNamesTheRender() throws Exception {
    Path out = temp.resolve("evidence");
    Path marker = temp.resolve("marker");
    CustosProcess acquire = CustosProcess.startMain(temp, "acquire", AcquireStoppedAt.class, Evidence.FLOPPY.toString(),
        out.toString(), "manifest-recorded", marker.toString(), "completed");
    assertThat(acquire.awaitFileSize(marker, 1)).as(acquire.stderr()).isTrue();
    acquire.signal("KILL");
    assertThat(acquire.exitCode()).isEqualTo(137);

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as("%s%s", resumed.out(), resumed.err()).isEqualTo(2);
    assertThat(resumed.err()).contains("there is nothing to resume; its manifest, recorded but not put in place when it ended, is in"
        + " place now: render its report with report render " + out);
    assertThat(ExternalTool.digestOf("sha256sum", out.resolve("acquisition.json")))
        .isEqualTo(lastAcquisitionEvent(out).path("data").path("manifest").path("sha256").asText());
    assertThat(out.resolve(".acquisition.json.partial")).doesNotExist();
    Cli.Run render = Cli.run("report", "render", out.toString());
    assertThat(render.exitCode()).as("%s%s", render.out(), render.err()).isZero();
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.exitCode()).as("%s%s", verified.out(), verified.err()).isZero();
  }

  @Test
  void acquire_diskFullWhenTheEndIsToBeRecorded_manifestLeftUnrecordedIncompleteAndResumeWorks() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), DISK)) {
      // How long the acquisition-started event is without notes, so that notes can end it just short of a page.
      Path probe = disk.path().resolve("evidenc0");
      CustosProcess calibration = CustosProcess.startMain(temp, "calibration", AcquireStoppedAt.class, Evidence.FLOPPY.toString(),
          probe.toString(), "manifest-staged", temp.resolve("marker0").toString(), "completed");
      assertThat(calibration.awaitFileSize(temp.resolve("marker0"), 1)).as(calibration.stderr()).isTrue();
      long startedBytes = Files.size(probe.resolve("custody.jsonl"));
      calibration.signal("KILL");
      calibration.exitCode();
      ExternalTool.ok("rm", "-rf", probe.toString());

      Path out = disk.path().resolve("evidence");
      Path marker = temp.resolve("marker");
      Path go = temp.resolve("go");
      long notes = PAGE - 300 - startedBytes;
      CustosProcess acquire = CustosProcess.startMain(temp, "acquire", AcquireStoppedAt.class, Evidence.FLOPPY.toString(),
          out.toString(), "manifest-staged", marker.toString(), "completed", go.toString(), Long.toString(notes));
      assertThat(acquire.awaitFileSize(marker, 1)).as(acquire.stderr()).isTrue();
      assertThat(Files.size(out.resolve("custody.jsonl")) % PAGE).as("the log's last page nearly full").isBetween(PAGE - 400, PAGE - 200);

      disk.fill("filler", 0);
      Files.createFile(go);

      assertThat(acquire.exitCode()).as(acquire.stderr()).isEqualTo(1);
      assertThat(acquire.stderr()).contains("the custody log could not record the end of the acquisition", "No space left on device",
          "its manifest, unrecorded, is left as .acquisition.json.partial and not put in place");
      assertThat(out.resolve("acquisition.json")).doesNotExist();
      assertThat(lastAcquisitionEvent(out).path("type").asText()).isEqualTo("acquisition-started");
      Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
      assertThat(verified.exitCode()).isEqualTo(1);
      assertThat(verified.out()).contains("INCOMPLETE: the acquisition stopped without recording how far it got")
          .doesNotContain(NO_EVENT).doesNotContain("NOT VERIFIED");

      disk.free("filler");
      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");
      assertThat(resumed.exitCode()).as("%s%s", resumed.out(), resumed.err()).isZero();
      Cli.Run again = Cli.run("report", "verify", out.toString(), "--no-record");
      assertThat(again.exitCode()).as("%s%s", again.out(), again.err()).isZero();
      assertThat(ExternalTool.identical(Evidence.FLOPPY, out.resolve("image.dd"))).as("cmp image.dd with the source").isTrue();
    }
  }

  private static JsonNode lastAcquisitionEvent(Path out) {
    List<JsonNode> events = Evidence.custodyEvents(out).stream()
        .filter(event -> event.path("type").asText().startsWith("acquisition-")).toList();
    return events.get(events.size() - 1);
  }
}

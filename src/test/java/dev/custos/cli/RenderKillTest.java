package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.report.RenderStoppedAt;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of a real {@code report render} process (its own JVM) at every instant of
 * writing the report: stopped at each step by a test-only hook, then killed for real; killed as
 * the report's name appears; killed at delays spread over the whole render. Every directory left
 * verifies (exit 0), never calls a report one that "did not come from report render", names an
 * interrupted render as such, keeps every file it held; the next render works and verifies.
 */
class RenderKillTest {
  @TempDir static Path keys;
  @TempDir static Path template;
  private static Identities.KeyFile jane;

  @TempDir Path temp;

  @BeforeAll
  static void acquireOnce() {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
    Cli.Run run = Evidence.acquireFloppy(template.resolve("evidence"), jane.options());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @ParameterizedTest(name = "killed at {0}")
  @ValueSource(strings = {"rendered", "staged", "recorded", "linked", "placed"})
  void kill9_atEachStepOfRender_verifiesNamesTheInterruptionAndTheNextRenderWorks(String step) throws Exception {
    Path out = copyOfTheEvidence();
    Map<String, String> before = sha256OfEveryFile(out);
    List<String> typesBefore = types(out);
    Path marker = temp.resolve("marker");
    CustosProcess render = CustosProcess.startMain(temp, "render", RenderStoppedAt.class, out.toString(), jane.p12().toString(),
        jane.passwordFile().toString(), step, marker.toString());

    assertThat(render.awaitFileSize(marker, 1)).as("stopped at %s: %s", step, render.stderr()).isTrue();
    assertThat(Files.readString(marker)).isEqualTo(step);
    render.signal("KILL");
    assertThat(render.exitCode()).isEqualTo(137);

    assertKept(out, before);
    Path report2 = out.resolve("report-2.pdf");
    Path staged = out.resolve(".report-2.pdf.partial");
    Cli.Run verified = verify(out);
    List<String> types = types(out);
    switch (step) {
      case "rendered", "staged" -> {
        assertThat(types).as("nothing recorded").isEqualTo(typesBefore);
        assertThat(report2).doesNotExist();
        assertThat(Files.exists(staged)).isEqualTo(step.equals("staged"));
        if (step.equals("staged")) {
          // Never evidence (nothing recorded it), so only named, as verify names every file the evidence does not.
          assertThat(verified.out()).doesNotContain("report-2.pdf signed")
              .contains("WARNING: .report-2.pdf.partial: not part of the evidence");
        } else {
          assertThat(verified.out()).doesNotContain("report-2.pdf");
        }
      }
      case "recorded" -> {
        assertThat(types).hasSize(typesBefore.size() + 1).endsWith("report-rendered");
        assertThat(report2).as("recorded, not yet in place").doesNotExist();
        assertThat(ExternalTool.digestOf("sha256sum", staged)).isEqualTo(lastEvent(out).path("data").path("sha256").asText());
        assertThat(verified.out()).contains("report-2.pdf signed by Jane Doe")
            .contains("its render was interrupted after recording it, before putting it in place: the bytes custody.jsonl seq "
                + (types.size() - 1) + " recorded are in .report-2.pdf.partial");
      }
      default -> {
        assertThat(types).hasSize(typesBefore.size() + 1).endsWith("report-rendered");
        assertThat(ExternalTool.digestOf("sha256sum", report2)).isEqualTo(lastEvent(out).path("data").path("sha256").asText());
        assertThat(Files.exists(staged)).as("the temporary name, a second name of report-2.pdf").isEqualTo(step.equals("linked"));
        assertThat(verified.out()).contains("report-2.pdf signed by Jane Doe").doesNotContain("interrupted");
      }
    }
    Map<String, String> afterKill = sha256OfEveryFile(out);

    Cli.Run again = Cli.run(Cli.join(new String[] {"report", "render", out.toString()}, jane.options()));

    assertThat(again.exitCode()).as("the next render: %s", again.err()).isZero();
    Path next = lastReport(out);
    assertThat(next.getFileName().toString()).isEqualTo(step.equals("rendered") || step.equals("staged") ? "report-2.pdf" : "report-3.pdf");
    if (step.equals("recorded")) {
      assertThat(again.out()).contains("report-2.pdf, recorded by an interrupted render, put in place from its temporary file");
      assertThat(ExternalTool.digestOf("sha256sum", report2)).isEqualTo(afterKill.get(".report-2.pdf.partial"));
    }
    afterKill.keySet().removeIf(name -> name.endsWith(".partial"));
    assertKept(out, afterKill);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(file -> file.getFileName().toString())).as("no temporary file left").noneMatch(name -> name.endsWith(".partial"));
    }
    assertThat(verify(out).out()).doesNotContain("interrupted");
  }

  @ParameterizedTest(name = "killed {0} ms after report-2.pdf appeared")
  @ValueSource(ints = {0, 1, 3, 6, 10, 20})
  void kill9_asTheReportAppears_namedAsAnInterruptedRenderNotAsAForeignPdf(int delayMs) throws Exception {
    Path out = copyOfTheEvidence();
    Map<String, String> before = sha256OfEveryFile(out);
    CustosProcess render = CustosProcess.start(temp, "render", Cli.join(new String[] {"report", "render", out.toString()},
        jane.options()));

    assertThat(render.awaitFileSize(out.resolve("report-2.pdf"), 1)).as(render.stderr()).isTrue();
    if (delayMs > 0) {
      Thread.sleep(delayMs);
    }
    render.signal("KILL");
    render.exitCode();

    assertKept(out, before);
    verify(out);
    renderAgain(out);
    verify(out);
  }

  @Test
  void kill9_atTwelveDelaysAroundTheWrites_everyDirectoryVerifiesAndRendersAgain() throws Exception {
    Path whole = copyOfTheEvidence();
    long started = System.nanoTime();
    CustosProcess full = CustosProcess.start(temp, "full", Cli.join(new String[] {"report", "render", whole.toString()},
        jane.options()));
    assertThat(full.awaitFileSize(whole.resolve("report-2.pdf"), 1)).as(full.stderr()).isTrue();
    long appearedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(full.exitCode()).as(full.stderr()).isZero();

    List<String> outcomes = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      // 82 % … 115 % of the time a whole run took to link its report: rendering, writing, recording, linking.
      long delay = appearedMs * (79 + 3L * i) / 100;
      Path out = copyOfTheEvidence();
      Map<String, String> before = sha256OfEveryFile(out);
      int eventsBefore = types(out).size();
      CustosProcess render = CustosProcess.start(temp, "render-" + i, Cli.join(new String[] {"report", "render", out.toString()},
          jane.options()));
      Thread.sleep(delay);
      if (render.isAlive()) {
        render.signal("KILL");
      }
      int exit = render.exitCode();
      outcomes.add(delay + " ms: exit " + exit + ", " + (Files.exists(out.resolve("report-2.pdf")) ? "report-2.pdf in place" : "no report-2.pdf")
          + (Files.exists(out.resolve(".report-2.pdf.partial")) ? ", .report-2.pdf.partial" : "")
          + ", " + (types(out).size() - eventsBefore) + " event(s) more");
      assertKept(out, before);
      verify(out);
      renderAgain(out);
      verify(out);
    }
    System.err.println("report render killed at: " + outcomes);
  }

  private Path copyOfTheEvidence() {
    Path out = temp.resolve("evidence-" + System.nanoTime());
    ExternalTool.ok("cp", "-a", template.resolve("evidence").toString(), out.toString());
    return out;
  }

  /** {@code report verify}: exit 0, and no report called one that did not come from report render. */
  private static Cli.Run verify(Path out) {
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.out()).doesNotContain("did not come from report render");
    assertThat(verified.exitCode()).as("report verify: %s%s", verified.out(), verified.err()).isZero();
    return verified;
  }

  /** {@code report render} once more: exit 0, and the report it names is recorded as rendered. */
  private static Path renderAgain(Path out) {
    Cli.Run run = Cli.run(Cli.join(new String[] {"report", "render", out.toString()}, jane.options()));
    assertThat(run.exitCode()).as("the next render: %s", run.err()).isZero();
    return lastReport(out);
  }

  /** The report the last event records, checked by sha256sum against it. */
  private static Path lastReport(Path out) {
    JsonNode last = lastEvent(out);
    assertThat(last.path("type").asText()).isEqualTo("report-rendered");
    Path report = out.resolve(last.path("data").path("file").asText());
    assertThat(ExternalTool.digestOf("sha256sum", report)).isEqualTo(last.path("data").path("sha256").asText());
    return report;
  }

  private static JsonNode lastEvent(Path out) {
    List<JsonNode> events = Evidence.custodyEvents(out);
    return events.get(events.size() - 1);
  }

  private static List<String> types(Path out) {
    return Evidence.custodyEvents(out).stream().map(event -> event.path("type").asText()).toList();
  }

  /** SHA-256 of every regular file in {@code directory}. */
  private static Map<String, String> sha256OfEveryFile(Path directory) throws Exception {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).toList()) {
        digests.put(file.getFileName().toString(), ExternalTool.digestOf("sha256sum", file));
      }
    }
    return digests;
  }

  /** Every file that was there is there still, byte for byte, but the custody log, which only grew. */
  private static void assertKept(Path directory, Map<String, String> before) throws Exception {
    Map<String, String> now = sha256OfEveryFile(directory);
    for (Map.Entry<String, String> file : before.entrySet()) {
      assertThat(now).as("kept").containsKey(file.getKey());
      if (!file.getKey().equals("custody.jsonl") && !file.getKey().startsWith(".")) {
        assertThat(now.get(file.getKey())).as(file.getKey() + " unchanged").isEqualTo(file.getValue());
      }
    }
  }
}

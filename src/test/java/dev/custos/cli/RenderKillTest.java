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
  @ValueSource(strings = {"rendered", "started-recorded", "room-kept", "temporary-synced", "linked", "placed", "rendered-recorded"})
  void kill9_atEachStepOfRender_verifiesNamesTheInterruptionAndTheNextRenderWorks(String step) throws Exception {
    Path out = copyOfTheEvidence();
    Map<String, String> before = sha256OfEveryFile(out);
    Path marker = temp.resolve("marker");
    CustosProcess render = CustosProcess.startMain(temp, "render", RenderStoppedAt.class, out.toString(), jane.p12().toString(),
        jane.passwordFile().toString(), step, marker.toString());

    assertThat(render.awaitFileSize(marker, 1)).as("stopped at %s: %s", step, render.stderr()).isTrue();
    assertThat(Files.readString(marker)).isEqualTo(step);
    render.signal("KILL");
    assertThat(render.exitCode()).isEqualTo(137);

    assertKept(out, before);
    Cli.Run verified = verify(out);
    List<String> types = types(out);
    switch (step) {
      case "rendered" -> assertThat(types).as("nothing recorded yet").isEqualTo(types(template.resolve("evidence")));
      case "started-recorded", "room-kept", "temporary-synced" -> {
        assertThat(types).endsWith("report-render-started");
        assertThat(out.resolve("report-2.pdf")).doesNotExist();
        assertThat(verified.out()).contains("report-2.pdf not written: the render custody.jsonl seq " + (types.size() - 1)
            + " started was interrupted before it placed the report");
      }
      case "linked", "placed" -> {
        assertThat(types).endsWith("report-render-started");
        assertThat(verified.out()).contains("report-2.pdf signed by Jane Doe")
            .contains("placed by a render interrupted before it recorded report-rendered (custody.jsonl seq "
                + (types.size() - 1) + " recorded its SHA-256 in advance); run report render again");
        assertThat(ExternalTool.digestOf("sha256sum", out.resolve("report-2.pdf")))
            .isEqualTo(Evidence.custodyEvents(out).get(types.size() - 1).path("data").path("sha256").asText());
      }
      default -> assertThat(types).endsWith("report-render-started", "report-rendered");
    }
    if (step.equals("temporary-synced") || step.equals("linked")) {
      assertThat(out.resolve(".report-2.pdf.partial")).as("the temporary file is kept").isRegularFile();
      assertThat(verified.out()).contains(".report-2.pdf.partial (", "the temporary file of an interrupted render, is left");
    }

    Path next = renderAgain(out);
    String expected = switch (step) {
      case "linked", "placed", "rendered-recorded" -> "report-3.pdf";
      case "temporary-synced" -> "report-3.pdf"; // report-2's temporary file is kept: its name is not used again
      default -> "report-2.pdf";
    };
    assertThat(next.getFileName().toString()).isEqualTo(expected);
    Cli.Run after = verify(out);
    assertThat(after.out()).doesNotContain("run report render again");
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
  void kill9_atTwelveDelaysSpreadOverTheRender_everyDirectoryVerifiesAndRendersAgain() throws Exception {
    long started = System.nanoTime();
    Path whole = copyOfTheEvidence();
    CustosProcess full = CustosProcess.start(temp, "full", Cli.join(new String[] {"report", "render", whole.toString()},
        jane.options()));
    assertThat(full.exitCode()).as(full.stderr()).isZero();
    long durationMs = (System.nanoTime() - started) / 1_000_000;

    List<String> outcomes = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      long delay = durationMs * (40 + 5L * i) / 100; // 45 % … 100 % of a whole run: the JVM's start is the rest
      Path out = copyOfTheEvidence();
      Map<String, String> before = sha256OfEveryFile(out);
      CustosProcess render = CustosProcess.start(temp, "render-" + i, Cli.join(new String[] {"report", "render", out.toString()},
          jane.options()));
      Thread.sleep(delay);
      if (render.isAlive()) {
        render.signal("KILL");
      }
      int exit = render.exitCode();
      outcomes.add(delay + " ms: exit " + exit + ", " + types(out).get(types(out).size() - 1));
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
    List<JsonNode> events = Evidence.custodyEvents(out);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("type").asText()).isEqualTo("report-rendered");
    Path report = out.resolve(last.path("data").path("file").asText());
    assertThat(ExternalTool.digestOf("sha256sum", report)).isEqualTo(last.path("data").path("sha256").asText());
    return report;
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

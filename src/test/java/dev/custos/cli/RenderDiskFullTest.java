package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code report render} on a real full disk (a small tmpfs filled until just not enough is free,
 * around the report's size): one line and exit 3, or a report when it fits; either way the
 * directory verifies (exit 0, no PDF called one that did not come from report render) and, with
 * the space freed, the next render works and verifies.
 */
class RenderDiskFullTest {
  private static final long DISK = 6L << 20;
  private static final long PAGE = 4096;

  @TempDir static Path keys;
  @TempDir static Path template;
  private static Identities.KeyFile jane;
  private static long reportSize;

  @TempDir Path temp;

  @BeforeAll
  static void acquireOnce() throws Exception {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
    Cli.Run run = Evidence.acquireFloppy(template.resolve("evidence"), jane.options());
    assertThat(run.exitCode()).as(run.err()).isZero();
    // The size of the next report: its signature's room is fixed, so every render of this directory has it.
    fillTheLogsLastPage(template.resolve("evidence"));
    Path scratch = template.resolve("scratch");
    ExternalTool.ok("cp", "-a", template.resolve("evidence").toString(), scratch.toString());
    Cli.Run render = Cli.run(Cli.join(new String[] {"report", "render", scratch.toString()}, jane.options()));
    assertThat(render.exitCode()).as(render.err()).isZero();
    reportSize = Files.size(scratch.resolve("report-2.pdf"));
  }

  /**
   * Free space in whole pages of the tmpfs (it allocates 4 KiB pages): {@code pages} pages, plus as
   * many as the report takes when {@code aroundTheReport}. The log's last page is nearly full
   * ({@link #fillTheLogsLastPage}): with exactly the report's pages free the PDF fits, and the
   * custody append after it does not.
   */
  @ParameterizedTest(name = "{1} pages free beyond the report''s ({0})")
  @CsvSource({"false, 0", "false, 1", "false, 16", "true, -1", "true, 0", "true, 1", "true, 2", "true, 16"})
  void render_diskFullAroundTheReportsSize_directoryVerifiesAndTheNextRenderWorks(boolean aroundTheReport, int pages)
      throws Exception {
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), DISK)) {
      Path out = disk.path().resolve("evidence");
      ExternalTool.ok("cp", "-a", template.resolve("evidence").toString(), out.toString());
      long reportPages = aroundTheReport ? (reportSize + PAGE - 1) / PAGE : 0;
      long free = (reportPages + pages) * PAGE;
      disk.fill("filler", free);
      int eventsBefore = Evidence.custodyEvents(out).size();

      Cli.Run render = Cli.run(Cli.join(new String[] {"report", "render", out.toString()}, jane.options()));

      if (render.exitCode() != 0) {
        assertThat(render.exitCode()).as(render.err()).isEqualTo(3);
        assertThat(render.err().strip().lines()).as(render.err()).hasSize(1);
        assertThat(render.err()).contains("No space left on device").doesNotContain("Exception");
      }
      System.err.println(free + " bytes free: exit " + render.exitCode() + ", " + render.err().strip() + " events "
          + eventsBefore + " -> " + Evidence.custodyEvents(out).size());
      verifies(out);

      disk.free("filler");
      Cli.Run again = Cli.run(Cli.join(new String[] {"report", "render", out.toString()}, jane.options()));
      assertThat(again.exitCode()).as(again.err()).isZero();
      List<JsonNode> events = Evidence.custodyEvents(out);
      JsonNode last = events.get(events.size() - 1);
      assertThat(last.path("type").asText()).isEqualTo("report-rendered");
      assertThat(ExternalTool.digestOf("sha256sum", out.resolve(last.path("data").path("file").asText())))
          .isEqualTo(last.path("data").path("sha256").asText());
      assertThat(verifies(out).out()).doesNotContain("run report render again");
    }
  }

  @org.junit.jupiter.api.Test
  void render_diskFillsUpAfterTheReportIsWrittenBeforeItIsRecorded_nothingPlacedAndTheNextRenderWorks() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), DISK)) {
      Path out = disk.path().resolve("evidence");
      ExternalTool.ok("cp", "-a", template.resolve("evidence").toString(), out.toString());
      int eventsBefore = Evidence.custodyEvents(out).size();
      Path marker = temp.resolve("marker");
      Path go = temp.resolve("go");
      dev.custos.testing.CustosProcess render = dev.custos.testing.CustosProcess.startMain(temp, "render",
          dev.custos.report.RenderStoppedAt.class, out.toString(), jane.p12().toString(), jane.passwordFile().toString(), "staged",
          marker.toString(), go.toString());
      assertThat(render.awaitFileSize(marker, 1)).as(render.stderr()).isTrue();
      assertThat(out.resolve(".report-2.pdf.partial")).isRegularFile();

      disk.fill("filler", 0);
      Files.createFile(go);

      assertThat(render.exitCode()).as(render.stderr()).isEqualTo(1);
      assertThat(render.stderr()).contains("cannot record the report: ", "No space left on device", "nothing was placed");
      assertThat(Evidence.custodyEvents(out)).hasSize(eventsBefore);
      assertThat(out.resolve("report-2.pdf")).doesNotExist();
      assertThat(out.resolve(".report-2.pdf.partial")).as("unrecorded, never evidence: removed").doesNotExist();
      verifies(out);

      disk.free("filler");
      Cli.Run again = Cli.run(Cli.join(new String[] {"report", "render", out.toString()}, jane.options()));
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains("report-2.pdf");
      verifies(out);
    }
  }

  /**
   * Appends a note of the length that leaves about 400 bytes free in the last 4 KiB page of the
   * custody log: less than a report-rendered event needs, so that on a full disk its append fails.
   */
  private static void fillTheLogsLastPage(Path out) throws Exception {
    Path log = out.resolve("custody.jsonl");
    note(out, "x");
    long before = Files.size(log);
    note(out, "x");
    long perNote = Files.size(log) - before;
    long length = Math.floorMod(PAGE - 400 - Files.size(log) % PAGE - perNote, PAGE) + 1;
    note(out, "x".repeat((int) length));
    assertThat(Files.size(log) % PAGE).as("the last page of the log nearly full").isBetween(PAGE - 500, PAGE - 300);
  }

  private static void note(Path out, String text) {
    Cli.Run run = Cli.run(Cli.join(new String[] {"report", "note", out.toString(), text}, jane.options()));
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static Cli.Run verifies(Path out) {
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.out()).doesNotContain("did not come from report render");
    assertThat(verified.exitCode()).as("report verify: %s%s", verified.out(), verified.err()).isZero();
    return verified;
  }
}

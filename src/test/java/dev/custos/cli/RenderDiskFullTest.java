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
    reportSize = Files.size(template.resolve("evidence").resolve("report.pdf"));
  }

  @ParameterizedTest(name = "{0} bytes + {1} × the report's size free")
  @CsvSource({"0, 0", "4096, 0", "65536, 0", "-8192, 1", "16384, 1", "73728, 1", "131072, 1", "200000, 1"})
  void render_diskFullAroundTheReportsSize_directoryVerifiesAndTheNextRenderWorks(long extra, int reports) throws Exception {
    try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), DISK)) {
      Path out = disk.path().resolve("evidence");
      ExternalTool.ok("cp", "-a", template.resolve("evidence").toString(), out.toString());
      long free = Math.max(0, extra + reports * reportSize);
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

  private static Cli.Run verifies(Path out) {
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.out()).doesNotContain("did not come from report render");
    assertThat(verified.exitCode()).as("report verify: %s%s", verified.out(), verified.err()).isZero();
    return verified;
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.acquire.Acquisition;
import dev.custos.acquire.ResumeRequest;
import dev.custos.acquire.StopSignal;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.ProgressListener;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlockGuard;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.PythonJsonSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report verify} never calls an incomplete acquisition verified: one killed with {@code
 * kill -9} (a real child JVM), and one resumed to the end whose report was never rendered (the
 * process died between the manifest and the report). The verdict is in the table, the exit code,
 * the {@code --json} output (checked with python3-jsonschema) and the custody log.
 */
class IncompleteAcquisitionTest {
  private static final long SOURCE_BYTES = 96L << 20;
  private static final Path VERIFICATION_SCHEMA = Path.of("evidence-schema/verification.schema.json").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  private static Path source;

  @TempDir Path temp;

  @BeforeAll
  static void makeSource() {
    source = Evidence.randomFile(shared.resolve("source.bin"), SOURCE_BYTES, 11);
  }

  @Test
  void verify_acquisitionKilledMidRead_isIncompleteNeverVerified_exit1() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 24L << 20, "KILL")).isEqualTo(137);

    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--record-unsigned");

    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
    assertThat(verified.out()).contains("INCOMPLETE: the acquisition stopped without recording how far it got")
        .contains("acquire resume " + out + " continues it")
        .doesNotContainPattern("(?m)^VERIFIED");
    List<JsonNode> events = Evidence.custodyEvents(out);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("type").asText()).isEqualTo("verification");
    assertThat(last.path("data").path("outcome").asText()).isEqualTo("not-verified");

    Cli.Run json = Cli.run("report", "verify", out.toString(), "--json", "--no-record");
    assertThat(json.exitCode()).isEqualTo(1);
    JsonNode result = JSON.readTree(json.out());
    assertThat(result.path("verified").asBoolean()).isFalse();
    assertThat(result.path("acquisition").path("status").asText()).isEqualTo("unrecorded");
    assertThat(result.path("acquisition").path("complete").asBoolean()).isFalse();
    assertValid(json.out());
  }

  @Test
  void verify_interruptedBySigterm_saysIncompleteInTableJsonAndLog() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 24L << 20, "TERM")).isEqualTo(143);
    long acquired = Evidence.manifest(out).path("outcome").path("bytesAcquired").asLong();
    assertThat(acquired).isPositive().isLessThan(SOURCE_BYTES);

    Cli.Run json = Cli.run("report", "verify", out.toString(), "--json", "--record-unsigned");

    assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
    JsonNode result = JSON.readTree(json.out());
    assertThat(result.path("verified").asBoolean()).isFalse();
    assertThat(result.path("outcome").asText()).isEqualTo("incomplete");
    JsonNode notAcquired = result.path("acquisition").path("notAcquired");
    assertThat(notAcquired.path("firstByte").asLong()).isEqualTo(acquired);
    assertThat(notAcquired.path("lastByte").asLong()).isEqualTo(SOURCE_BYTES - 1);
    assertThat(notAcquired.path("firstLba").asLong()).isEqualTo(acquired / 512);
    assertThat(notAcquired.path("lastLba").asLong()).isEqualTo(SOURCE_BYTES / 512 - 1);
    assertValid(json.out());
    List<JsonNode> events = Evidence.custodyEvents(out);
    assertThat(events.get(events.size() - 1).path("data").path("outcome").asText()).isEqualTo("incomplete");
    Cli.Run custody = Cli.run("report", "custody", out.toString());
    assertThat(custody.out()).contains("Evidence re-verified: INCOMPLETE, bytes 0–" + (acquired - 1) + " of " + SOURCE_BYTES + " acquired");

    String report = ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).as("pdftotext report.pdf").doesNotContain("every sector was read").contains("INCOMPLETE")
        .contains("bytes " + acquired + " to " + (SOURCE_BYTES - 1) + " (LBAs " + acquired / 512 + " to " + (SOURCE_BYTES / 512 - 1) + ")");
  }

  @Test
  void verify_resumedToTheEndButNoReportRendered_doesNotVerifyAndSaysHowToRenderIt() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 24L << 20, "TERM")).isEqualTo(143);
    assertThat(out.resolve("report.pdf")).as("the interruption's report").exists();

    // The resumption runs to the end and records it, then its process dies before the report: the
    // use case alone, which writes the manifest and the custody events but renders nothing.
    new Acquisition(SourceInspector.system(HiddenAreaProbes.system()), WriteBlockGuard.system(), EvidenceClock.system(),
        HostInfo.current(), ToolInfo.current(),
        CustodyRecorder.unsigned("Jane Doe", HostInfo.current(), ToolInfo.current(), EvidenceClock.system()))
        .resume(new ResumeRequest(out, null, false, null), ProgressListener.NONE, new StopSignal());
    assertThat(Evidence.manifest(out).path("outcome").path("status").asText()).isEqualTo("completed");
    assertThat(ExternalTool.identical(source, out.resolve("image.ima"))).as("image = source (cmp)").isTrue();

    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(verified.exitCode()).as(verified.out()).isEqualTo(1);
    assertThat(verified.out()).contains("no report was rendered after the acquisition completed")
        .contains("render it with: report render " + out).contains("NOT VERIFIED: 1 problem")
        .doesNotContainPattern("(?m)^VERIFIED");

    assertThat(Cli.run("report", "render", out.toString()).exitCode()).isZero();
    Cli.Run rendered = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(rendered.exitCode()).as("once rendered: %s", rendered.out()).isZero();
    assertThat(rendered.out()).contains("VERIFIED: everything is as recorded");
  }

  @Test
  void verifyHelp_listsIncompleteAmongTheExitCodes() {
    Cli.Run help = Cli.run("report", "verify", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out().replaceAll("\\s+", " ")).contains("is INCOMPLETE, never VERIFIED")
        .contains("Exit codes: 0 all verifies 1 something does not, the acquisition is INCOMPLETE,");
  }

  private void assertValid(String json) throws Exception {
    Path file = temp.resolve("verification-" + System.nanoTime() + ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    PythonJsonSchema.Result result = PythonJsonSchema.validate(VERIFICATION_SCHEMA, file);
    assertThat(result.valid()).as("python jsonschema: " + result.output()).isTrue();
  }
}

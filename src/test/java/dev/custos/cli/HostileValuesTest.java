package dev.custos.cli;

import static dev.custos.cli.HostileNamesTest.assertPrintedSafely;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.custody.CustodyRecorder;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Case fields, notes and option values an examiner would not mean: each refused with one line that
 * names the field and the character (never echoing it raw), exit 2, nothing written; what is fit
 * for the record is recorded exactly as typed; and a record that holds control characters anyway
 * (a custody log written by anything) is printed without steering the terminal.
 */
class HostileValuesTest {
  @TempDir Path temp;

  static Stream<Arguments> unfitCaseFields() {
    return Stream.of(
        Arguments.of("--case", "2026\u00000142", "case id holds a control character (U+0000 NULL) at character 5: '2026\\u00000142'"),
        Arguments.of("--case", "\u001b[2J\u001b]0;owned\u0007", "case id holds a control character (U+001B ESCAPE) at character 1"),
        Arguments.of("--evidence", "HDD\r01", "evidence id holds a control character (U+000D CARRIAGE RETURN (CR)) at character 4"),
        Arguments.of("--evidence", "HDD\n01", "evidence id holds a line break or tab (U+000A LINE FEED (LF)) at character 4"),
        Arguments.of("--examiner", "Jane \u202Eeod", "examiner holds a bidirectional control, which displays text in another order"
            + " than it is recorded (U+202E RIGHT-TO-LEFT OVERRIDE) at character 6"),
        Arguments.of("--examiner", "Jane\u2028Doe", "examiner holds a line break (U+2028 LINE SEPARATOR) at character 5"),
        Arguments.of("--examiner", "Jane \u009b31m", "examiner holds a control character (U+009B"),
        Arguments.of("--description", "disk\u001b[8m hidden", "description holds a control character (U+001B ESCAPE)"),
        Arguments.of("--notes", "found\r\nin the desk", "notes holds a control character (U+000D CARRIAGE RETURN (CR)) at character 6"),
        Arguments.of("--notes", "left\u2067to right", "notes holds a bidirectional control"),
        Arguments.of("--case", "x".repeat(129), "case id is 129 characters long, at most 128 allowed"),
        Arguments.of("--examiner", "J".repeat(100_000), "examiner is 100000 characters long, at most 256 allowed"),
        Arguments.of("--notes", "n".repeat(16_385), "notes is 16385 characters long, at most 16384 allowed"),
        Arguments.of("--case", "   ", "case id must not be empty"),
        Arguments.of("--hardware-write-blocker", "Tableau\u001b[2J", "--hardware-write-blocker holds a control character (U+001B"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("unfitCaseFields")
  void acquire_unfitCaseField_refusedWithOneLineNamingFieldAndCharacter_nothingWritten(String option, String value, String message) {
    Path out = temp.resolve("evidence");
    List<String> args = new ArrayList<>(List.of("acquire", "image", Evidence.FLOPPY.toString(), "--out", out.toString(),
        "--case", "2026-0142", "--evidence", "FLOPPY-01", "--examiner", "Jane Doe", "--unsigned"));
    int given = args.indexOf(option);
    if (given >= 0) {
      args.set(given + 1, value);
    } else {
      args.addAll(List.of(option, value));
    }

    Cli.Run run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("acquire image: " + message).hasLineCount(1).hasSizeLessThan(400);
    assertPrintedSafely(run);
    assertThat(out).doesNotExist();
  }

  @Test
  void acquire_fitValues_recordedExactlyAsTyped_inManifestCustodyAndReport() throws IOException {
    Path out = temp.resolve("evidence");
    String notes = "Found in the desk drawer.\nSeal no. 4711 \"intact\"\tphotographed; 'label' reads C:\\Users\\x";
    String examiner = "Zoë O'Brien-Müller محمد";

    Cli.Run run = Cli.run("acquire", "image", Evidence.FLOPPY.toString(), "--out", out.toString(), "--case", "2026/0142 ü",
        "--evidence", "HDD #1 <\"x\">", "--examiner", "  " + examiner + " ", "--description", "Floppy, 3½\"", "--notes", notes,
        "--unsigned");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode caseNode = Evidence.manifest(out).path("case");
    assertThat(caseNode.path("caseId").asText()).isEqualTo("2026/0142 ü");
    assertThat(caseNode.path("evidenceId").asText()).isEqualTo("HDD #1 <\"x\">");
    assertThat(caseNode.path("examiner").asText()).isEqualTo(examiner);
    assertThat(caseNode.path("description").asText()).isEqualTo("Floppy, 3½\"");
    assertThat(caseNode.path("notes").asText()).isEqualTo(notes);
    assertThat(Evidence.custodyEvents(out).get(0).path("actor").path("name").asText()).as("stripped as in the manifest")
        .isEqualTo(examiner);
    assertThat(ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-")).contains("Seal no. 4711").contains("2026/0142 ü");
  }

  @Test
  void noteAndTransfer_unfitText_refusedWithOneLine_logUnchanged() throws IOException {
    Path out = temp.resolve("evidence");
    Identities.KeyFile key = Identities.keygen(Files.createDirectories(temp.resolve("keys")), "jane", "Jane Doe");
    assertThat(Evidence.acquireFloppy(out, key.options()).exitCode()).isZero();
    byte[] log = Files.readAllBytes(out.resolve("custody.jsonl"));

    Cli.Run escape = Cli.run(Cli.join(new String[] {"report", "note", out.toString(), "ok\u001b[2Jgone"}, key.options()));
    Cli.Run override = Cli.run(Cli.join(new String[] {"report", "transfer", out.toString(), "--to", "John \u202Eeor"}, key.options()));
    Cli.Run longReason = Cli.run(Cli.join(new String[] {"report", "transfer", out.toString(), "--to", "John", "--reason",
        "r".repeat(4097)}, key.options()));

    assertThat(escape.exitCode()).isEqualTo(2);
    assertThat(escape.err()).isEqualTo("report note: TEXT holds a control character (U+001B ESCAPE) at character 3: 'ok\\u001B[2Jgone';"
        + " write plain text\n");
    assertThat(override.exitCode()).isEqualTo(2);
    assertThat(override.err()).startsWith("report transfer: --to holds a bidirectional control").hasLineCount(1);
    assertThat(longReason.exitCode()).isEqualTo(2);
    assertThat(longReason.err()).isEqualTo("report transfer: --reason is 4097 characters long, at most 4096 allowed\n");
    assertThat(Files.readAllBytes(out.resolve("custody.jsonl"))).isEqualTo(log);
  }

  /**
   * A log anyone could have written (unsigned; Custos's own commands would refuse these values):
   * ESC sequences, CR, a C1 CSI and a bidi override in the actor's name and a note. Printed, they
   * are escaped; as JSON they are the same characters.
   */
  @Test
  void custodyAndVerify_logHoldingTerminalSequences_printedEscaped_jsonFaithful() throws Exception {
    Path out = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(out, "--unsigned").exitCode()).isZero();
    String name = "Mallory\u001b[2J\u001b]0;pwned\u0007";
    String text = "all fine\rNOTHING TO SEE\u001b[8m hidden \u009b31m red \u202Edesrever";
    CustodyRecorder.unsigned(name, HostInfo.current(), ToolInfo.current(), EvidenceClock.system())
        .append(out, "note", CustodyRecorder.newData().put("text", text));

    Cli.Run table = Cli.run("report", "custody", out.toString());
    Cli.Run json = Cli.run("report", "custody", out.toString(), "--json");
    Cli.Run verify = Cli.run("report", "verify", out.toString(), "--no-record");

    for (Cli.Run run : List.of(table, json, verify)) {
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertPrintedSafely(run);
    }
    assertThat(table.out()).contains("Mallory\\u001B[2J\\u001B]0;pwned\\u0007 (unsigned)".substring(0, 23))
        .contains("all fine NOTHING TO SEE\\u001B[8m hidden \\u009B31m red \\u202Edesrever");
    JsonNode note = new ObjectMapper().readTree(json.out()).path("events").get(3);
    assertThat(note.path("actor").path("name").asText()).isEqualTo(name);
    assertThat(note.path("data").path("text").asText()).isEqualTo(text);
  }

  static Stream<Arguments> optionsOutOfRange() {
    return Stream.of(
        Arguments.of(List.of("--format", "split", "--segment-size", "99999999999PiB"), "Invalid value for option '--segment-size': '99999999999PiB' is not a size"),
        Arguments.of(List.of("--format", "split", "--segment-size", "99999999999TiB"), "Invalid value for option '--segment-size': '99999999999TiB' is too large"),
        Arguments.of(List.of("--format", "split", "--segment-size", "99999999999999999999"), "'99999999999999999999' is too large"),
        Arguments.of(List.of("--format", "split", "--segment-size", "-1"), "'-1' is not a size"),
        Arguments.of(List.of("--format", "split", "--segment-size", "0"), "segment size must be positive, got 0"),
        Arguments.of(List.of("--format", "split", "--segment-size", "1000"), "segment size 1000 bytes is not a whole number of 512-byte sectors: say 512 or 1024"),
        Arguments.of(List.of("--format", "split", "--segment-size", "650MB"),
            "segment size 650000000 bytes is not a whole number of 512-byte sectors: say 649999872 or 650000384"),
        Arguments.of(List.of("--format", "split", "--segment-size", "2G"),
            "Invalid value for option '--segment-size': '2G' is ambiguous: say 2GiB (2147483648 bytes) or 2GB (2000000000 bytes)"),
        Arguments.of(List.of("--block-size", "1000"), "block size 1000 bytes is not a whole number of 4096-byte pages: say 4096"),
        Arguments.of(List.of("--block-size", "1MB"), "block size 1000000 bytes is not a whole number of 4096-byte pages: say 999424 or 1003520"),
        Arguments.of(List.of("--piece-size", "0"), "piece size must be positive, got 0"),
        Arguments.of(List.of("--piece-size", "-512"), "'-512' is not a size"),
        Arguments.of(List.of("--piece-size", "513"), "piece size 513 bytes is not a whole number of 512-byte sectors: say 512 or 1024"),
        Arguments.of(List.of("--piece-size", "8EiB"), "'8EiB' is not a size"),
        Arguments.of(List.of("--retries", "-1"), "retries must be between 0 and 100, got -1"),
        Arguments.of(List.of("--retries", "101"), "retries must be between 0 and 100, got 101"),
        Arguments.of(List.of("--retries", "99999999999"), "Invalid value for option '--retries': '99999999999' is not an int"),
        Arguments.of(List.of("--block-size", "0"), "block size must be positive, got 0"),
        Arguments.of(List.of("--block-size", "3GiB"), "block size must be at most 256MiB (268435456 bytes), got 3221225472"),
        Arguments.of(List.of("--block-size", "512MiB"), "block size must be at most 256MiB (268435456 bytes), got 536870912"),
        Arguments.of(List.of("--hash", "md5,md5"), "md5 is named twice in 'md5,md5'"),
        Arguments.of(List.of("--hash", "md6"), "Invalid value for option '--hash'"),
        Arguments.of(List.of("--hash", ""), "Invalid value for option '--hash'"),
        Arguments.of(List.of("--piece-hash", "md6"), "md6"),
        Arguments.of(List.of("--format", "tar"), "--format must be raw, split or e01, got 'tar'"),
        Arguments.of(List.of("--extension", "../../x"), "image extension must be one of"),
        Arguments.of(List.of("--extension", "ima/../../x"), "image extension must be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionsOutOfRange")
  void acquire_optionOutOfRange_exit2WithOneLine_nothingWritten(List<String> options, String message) {
    Path out = temp.resolve("evidence");
    List<String> args = new ArrayList<>(List.of("acquire", "image", Evidence.FLOPPY.toString(), "--out", out.toString(),
        "--case", "2026-0142", "--evidence", "FLOPPY-01", "--examiner", "Jane Doe", "--unsigned"));
    args.addAll(options);

    Cli.Run run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("acquire image: ").contains(message).hasLineCount(1);
    assertPrintedSafely(run);
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void keygen_validityOutOfRange_exit2WithOneLine_nothingWritten() {
    for (String days : List.of("0", "-1", "99999999", "99999999999", "x")) {
      Cli.Run run = Cli.run("report", "keygen", "--name", "Jane Doe", "--out", temp.resolve("jane.p12").toString(),
          "--validity-days", days);

      assertThat(run.exitCode()).as("--validity-days %s: %s", days, run.err()).isEqualTo(2);
      assertThat(run.err()).startsWith("report keygen: ").hasLineCount(1);
      assertPrintedSafely(run);
    }
    assertThat(temp).isEmptyDirectory();
  }
}

package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyLog;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.LocalTimestampAuthority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports check of {@code report verify}, on evidence directories made by the CLI ({@code
 * acquire image} of the floppy fixture, {@code report render}), tampered with as an adversary or an
 * accident would; poppler's {@code pdfsig} confirms the signature verdicts independently.
 */
class ReportCheckTest {
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  @TempDir static Path keys;
  private static Identities.KeyFile jane;
  private static Identities.KeyFile bob;

  @TempDir Path temp;

  @BeforeAll
  static void makeKeys() {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
    bob = Identities.keygen(keys, "bob", "Bob Roe");
  }

  private Path acquire(String name, String... options) {
    Path out = temp.resolve(name);
    Cli.Run run = Evidence.acquireFloppy(out, options);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return out;
  }

  private static void renderAgain(Path out, String... options) {
    List<String> args = new ArrayList<>(List.of("report", "render", out.toString()));
    args.addAll(List.of(options));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static CheckResult check(Path out) throws IOException {
    byte[] manifest = Files.readAllBytes(out.resolve("acquisition.json"));
    byte[] custody = Files.readAllBytes(out.resolve("custody.jsonl"));
    return ReportCheck.check(out, manifest, List.of(), custody, CustodyLog.check(out, custody));
  }

  /** Evidence files are read-only (0444): tampering makes them writable first. */
  private static void overwrite(Path file, byte[] bytes) throws IOException {
    file.toFile().setWritable(true);
    Files.write(file, bytes);
  }

  private static void flipByte(Path file, int offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[offset] ^= 0x01;
    overwrite(file, bytes);
  }

  private static long lastSeq(Path out) {
    List<JsonNode> events = Evidence.custodyEvents(out);
    return events.get(events.size() - 1).get("seq").longValue();
  }

  private static long seqOfReport(Path out, String file) {
    return Evidence.custodyEvents(out).stream()
        .filter(event -> event.get("type").asText().equals("report-rendered") && event.get("data").get("file").asText().equals(file))
        .findFirst().orElseThrow().get("seq").longValue();
  }

  private static String pdfsig(Path pdf) {
    return ExternalTool.run(List.of("pdfsig", "-nocert", pdf.toString())).stdout();
  }

  private static List<String> messages(CheckResult result, String file) {
    assertThat(result.problems()).as("every problem names the PDF").allSatisfy(problem -> assertThat(problem.file()).isEqualTo(file));
    return result.problems().stream().map(Problem::message).toList();
  }

  @Test
  void untouchedSignedReport_passesNamingSignerAndSigningTime_pdfsigAgrees() throws Exception {
    Path out = acquire("evidence", jane.options());

    CheckResult result = check(out);

    assertThat(result.check()).isEqualTo(Check.REPORTS);
    assertThat(result.problems()).isEmpty();
    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.summary()).matches("1 report: report\\.pdf signed by Jane Doe at " + TIME);
    assertThat(pdfsig(out.resolve("report.pdf"))).contains("Signature is Valid", "Jane Doe");
  }

  @Test
  void renderedTwice_bothReportsPassInRenderOrder() throws Exception {
    Path out = acquire("evidence", jane.options());
    renderAgain(out, jane.options());

    CheckResult result = check(out);

    assertThat(result.problems()).isEmpty();
    assertThat(result.summary()).matches("2 reports: report\\.pdf signed by Jane Doe at " + TIME
        + ", report-2\\.pdf signed by Jane Doe at " + TIME);
  }

  @Test
  void renderedAgainByAnotherExaminer_signerFoundInCertificatesDirectory() throws Exception {
    Path out = acquire("evidence", jane.options());
    renderAgain(out, bob.options());

    CheckResult result = check(out);

    assertThat(result.problems()).isEmpty();
    assertThat(result.summary()).matches("2 reports: report\\.pdf signed by Jane Doe at " + TIME
        + ", report-2\\.pdf signed by Bob Roe at " + TIME);
  }

  @Test
  void directoryCopiedElsewhere_stillPasses() throws Exception {
    Path out = acquire("evidence", jane.options());
    Path copy = Files.createDirectories(temp.resolve("elsewhere/copy"));
    try (Stream<Path> files = Files.list(out)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }

    CheckResult result = check(copy);

    assertThat(result.problems()).isEmpty();
    assertThat(result.summary()).startsWith("1 report: report.pdf signed by Jane Doe at ");
  }

  @Test
  void unsignedAcquisition_passesAsUnsignedAsRecorded() throws Exception {
    Path out = acquire("evidence", "--unsigned");

    CheckResult result = check(out);

    assertThat(result.problems()).isEmpty();
    assertThat(result.summary()).isEqualTo("1 report: report.pdf unsigned (as recorded)");
  }

  @Test
  void signatureTimestamped_summaryGivesTheAuthorityAndItsTime() throws Exception {
    Path out;
    try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
      List<String> options = new ArrayList<>(List.of(jane.options()));
      options.addAll(List.of("--tsa", tsa.url()));
      out = acquire("evidence", options.toArray(String[]::new));
    }

    CheckResult result = check(out);

    assertThat(result.problems()).isEmpty();
    assertThat(result.summary()).matches("1 report: report\\.pdf signed by Jane Doe at " + TIME
        + ", timestamped by Custos test TSA at " + TIME);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"page content (signed)", "contents padding (unsigned)", "trailer (signed)", "first byte", "last byte"})
  void flippedByte_anywhere_failsNamingTheReportAndItsEvent(String where) throws Exception {
    Path out = acquire("evidence", jane.options());
    Path report = out.resolve("report.pdf");
    byte[] bytes = Files.readAllBytes(report);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int[] range = byteRange(text);
    int offset = switch (where) {
      case "page content (signed)" -> text.indexOf("stream", text.indexOf("/Length")) + 20;
      case "contents padding (unsigned)" -> range[2] - 3;
      case "trailer (signed)" -> text.lastIndexOf("startxref") + 2;
      case "first byte" -> 0;
      default -> bytes.length - 2;
    };
    flipByte(report, offset);

    CheckResult result = check(out);

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(messages(result, "report.pdf")).anySatisfy(message -> assertThat(message)
        .startsWith("changed since it was rendered: SHA-256 ")
        .contains("custody.jsonl seq " + seqOfReport(out, "report.pdf") + " recorded SHA-256 "));
  }

  @Test
  void flippedByteInSignedRange_signatureDoesNotVerify_pdfsigAgrees() throws Exception {
    Path out = acquire("evidence", jane.options());
    Path report = out.resolve("report.pdf");
    String text = Files.readString(report, StandardCharsets.ISO_8859_1);
    flipByte(report, text.indexOf("stream", text.indexOf("/Length")) + 20);

    CheckResult result = check(out);

    assertThat(messages(result, "report.pdf")).anySatisfy(message -> assertThat(message)
        .contains("are not the bytes Jane Doe signed (message digest differs)"));
    assertThat(result.summary()).contains("(not valid)");
    assertThat(pdfsig(report)).contains("ETSI.CAdES.detached").doesNotContain("Signature is Valid");
  }

  @Test
  void flippedByteInContentsPadding_paddingNamed() throws Exception {
    Path out = acquire("evidence", jane.options());
    Path report = out.resolve("report.pdf");
    int[] range = byteRange(Files.readString(report, StandardCharsets.ISO_8859_1));
    flipByte(report, range[2] - 3);

    CheckResult result = check(out);

    assertThat(messages(result, "report.pdf")).anySatisfy(message -> assertThat(message)
        .startsWith("the /Contents padding after the CMS is not all zeros (file offset " + (range[2] - 3) + ")"));
  }

  @Test
  void reportDeleted_namedAsMissingWithItsEvent() throws Exception {
    Path out = acquire("evidence", jane.options());
    renderAgain(out, jane.options());
    Files.delete(out.resolve("report-2.pdf"));

    CheckResult result = check(out);

    assertThat(messages(result, "report-2.pdf")).singleElement().asString()
        .startsWith("missing: custody.jsonl seq " + seqOfReport(out, "report-2.pdf") + " recorded it (SHA-256 ");
    assertThat(result.summary()).endsWith("report-2.pdf missing");
  }

  @Test
  void extraCopiedPdf_namedAsNotRecordedWithTheLogsLastSeq() throws Exception {
    Path out = acquire("evidence", jane.options());
    Files.copy(out.resolve("report.pdf"), out.resolve("report-3.pdf"));

    CheckResult result = check(out);

    assertThat(messages(result, "report-3.pdf")).containsExactly("no report-rendered event in custody.jsonl records this PDF"
        + " (the log ends at seq " + lastSeq(out) + "): it did not come from report render, or the log was cut short");
  }

  @Test
  void logReplacedWithAShorterOne_cutShortNamedWithBothSeqs() throws Exception {
    Path out = acquire("evidence", jane.options());
    renderAgain(out, jane.options());
    long firstReport = seqOfReport(out, "report.pdf");
    Path log = out.resolve("custody.jsonl");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).subList(0, (int) firstReport);
    overwrite(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

    CheckResult result = check(out);

    String notRecorded = "no report-rendered event in custody.jsonl records this PDF (the log ends at seq " + (firstReport - 1) + ")";
    assertThat(result.problems()).extracting(Problem::file, Problem::message)
        .anySatisfy(problem -> assertThat(problem.toList()).containsExactly("report.pdf",
            notRecorded + ": it did not come from report render, or the log was cut short"))
        .anySatisfy(problem -> assertThat(problem.toList()).element(1).asString()
            .startsWith("custody.jsonl was cut short after this report was rendered: it ends at seq " + (firstReport - 1)
                + ", but the report embeds the log up to seq " + firstReport + " (hash "));
    assertThat(result.problems()).filteredOn(problem -> problem.message().contains("cut short after"))
        .extracting(Problem::file).containsExactly("report-2.pdf");
  }

  @Test
  void logLineEditedAfterRender_firstDifferingLineNamed() throws Exception {
    Path out = acquire("evidence", jane.options());
    Path log = out.resolve("custody.jsonl");
    byte[] bytes = Files.readAllBytes(log);
    int secondLine = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
    int hash = new String(bytes, StandardCharsets.UTF_8).indexOf("\"hash\":\"", secondLine) + 8;
    bytes[hash] = (byte) (bytes[hash] == '0' ? '1' : '0');
    overwrite(log, bytes);

    CheckResult result = check(out);

    assertThat(messages(result, "report.pdf")).contains(
        "custody.jsonl differs from the log this report embeds from line 2: the log was changed after the report was rendered");
  }

  @Test
  void examinerPemReplacedByAnotherIdentitys_signersCertificateUnknown() throws Exception {
    Path out = acquire("evidence", jane.options());
    Path other = acquire("other", bob.options());
    overwrite(out.resolve("examiner.pem"), Files.readAllBytes(other.resolve("examiner.pem")));

    CheckResult result = check(out);

    assertThat(messages(result, "report.pdf")).singleElement().asString()
        .startsWith("the signer's certificate (Jane Doe, SHA-256 ")
        .endsWith(") is unknown: neither examiner.pem nor certificates/ of the evidence directory holds it");
  }

  @Test
  void signedReportReplacedByAnUnsignedOne_namedAsRecordedSigned() throws Exception {
    Path out = acquire("evidence", jane.options());
    Path unsigned = acquire("unsigned", "--unsigned");
    overwrite(out.resolve("report.pdf"), Files.readAllBytes(unsigned.resolve("report.pdf")));

    CheckResult result = check(out);

    assertThat(messages(result, "report.pdf"))
        .contains("carries no signature, but custody.jsonl seq " + seqOfReport(out, "report.pdf") + " recorded it as signed")
        .anySatisfy(message -> assertThat(message).startsWith("changed since it was rendered"))
        .anySatisfy(message -> assertThat(message).startsWith("acquisition.json differs from the copy this report embeds"));
  }

  @Test
  void notAPdfAtAll_oneProblemNamingItNoException() throws Exception {
    Path out = acquire("evidence", jane.options());
    overwrite(out.resolve("report.pdf"), "not a PDF\n".getBytes(StandardCharsets.US_ASCII));

    CheckResult result = check(out);

    assertThat(messages(result, "report.pdf")).hasSize(2)
        .anySatisfy(message -> assertThat(message).startsWith("changed since it was rendered"))
        .anySatisfy(message -> assertThat(message).startsWith("not a readable PDF: "));
    assertThat(result.summary()).isEqualTo("1 report: report.pdf not a readable PDF");
  }

  @Test
  void noReportAndNoneRecorded_passesSayingSo() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));

    CheckResult result = ReportCheck.check(empty, new byte[0], List.of(), new byte[0], CustodyLog.check(empty, new byte[0]));

    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.summary()).isEqualTo("no report PDFs, and none recorded");
  }

  private static int[] byteRange(String pdf) {
    Matcher matcher = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]").matcher(pdf);
    assertThat(matcher.find()).as("a /ByteRange").isTrue();
    return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))};
  }
}

package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.LocalTimestampAuthority;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed report an acquisition ends with, and {@code report render}: checked with poppler
 * ({@code pdfsig}, {@code pdfdetach}, {@code pdftotext}), {@code qpdf} and {@code sha256sum}.
 */
class ReportRenderTest {
  private static final Path FLOPPY = Evidence.FLOPPY;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path keys;
  private static Identities.KeyFile jane;

  @TempDir Path temp;

  @BeforeAll
  static void makeKey() {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
  }

  private Path acquire(String[] options, String... extra) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(List.of(extra));
    return acquire(all.toArray(String[]::new));
  }

  private Path acquire(String... extra) {
    Path out = temp.resolve("evidence");
    Cli.Run run = Evidence.acquireFloppy(out, extra);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return out;
  }

  private static List<JsonNode> events(Path out) {
    return Evidence.custodyEvents(out);
  }

  @Test
  void acquisition_endsWithASignedReportPdfsigValidates() throws Exception {
    Path out = acquire(jane.options());
    Path report = out.resolve("report.pdf");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("r--r--r--");
    String pdfsig = ExternalTool.run(List.of("pdfsig", "-nocert", report.toString())).stdout();
    assertThat(pdfsig).contains("Signature Type: ETSI.CAdES.detached", "Signature is Valid", "Jane Doe", "Total document signed");
    assertThat(ExternalTool.run(List.of("qpdf", "--check", report.toString())).exitCode()).isZero();
  }

  @Test
  void report_visibleSignatureOnTheLastPage_nameTimeAndFingerprint() throws Exception {
    Path out = acquire(jane.options());
    Path report = out.resolve("report.pdf");
    String pages = ExternalTool.ok("pdfinfo", report.toString()).lines()
        .filter(line -> line.startsWith("Pages:")).findFirst().orElseThrow().replaceAll("\\D", "");
    String fingerprint = Evidence.custodyEvents(out).get(0).get("actor").get("certificateSha256").asText();

    String lastPage = ExternalTool.ok("pdftotext", "-f", pages, "-l", pages, "-layout", report.toString(), "-");

    assertThat(lastPage).contains("Digitally signed (PAdES) by Jane Doe", "Signing time 20");
    assertThat(lastPage.replaceAll("\\s+", "")).contains(fingerprint);
  }

  @Test
  void report_showsTheDigestsMd5sumAndSha256sumComputeInBlocksOfEight() throws Exception {
    Path out = acquire(jane.options(), "--hash", "md5,sha1,sha256,sha512");

    String text = ExternalTool.ok("pdftotext", "-layout", out.resolve("report.pdf").toString(), "-");

    for (String tool : List.of("md5sum", "sha1sum", "sha256sum", "sha512sum")) {
      String digest = ExternalTool.digestOf(tool, out.resolve("image.ima"));
      assertThat(ExternalTool.digestOf(tool, Evidence.FLOPPY)).isEqualTo(digest);
      assertThat(text).as(tool).contains(digest.substring(0, 32).replaceAll("(.{8})(?=.)", "$1 "));
    }
    assertThat(text).contains("2026-0142", "FLOPPY-01");
  }

  @Test
  void report_oneByteFlippedInsideTheSignedRange_pdfsigNoLongerSaysValid() throws Exception {
    Path out = acquire(jane.options());
    byte[] bytes = Files.readAllBytes(out.resolve("report.pdf"));
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int inPageContent = text.indexOf("stream", text.indexOf("/Length")) + 20;
    bytes[inPageContent] ^= 0x01;
    Path tampered = Files.write(temp.resolve("tampered.pdf"), bytes);

    String pdfsig = ExternalTool.run(List.of("pdfsig", "-nocert", tampered.toString())).stdout();

    // pdfsig exits 0 either way: its text is the verdict.
    assertThat(pdfsig).contains("Signature Type: ETSI.CAdES.detached").doesNotContain("Signature is Valid");
  }

  @Test
  void acquisition_reportRecordedInCustodyWithItsSha256AndTheHeadItShows() throws Exception {
    Path out = acquire(jane.options());

    List<JsonNode> events = events(out);
    JsonNode rendered = events.get(events.size() - 1);
    assertThat(rendered.get("type").asText()).isEqualTo("report-rendered");
    assertThat(rendered.get("data").get("file").asText()).isEqualTo("report.pdf");
    assertThat(rendered.get("data").get("sha256").asText()).isEqualTo(ExternalTool.digestOf("sha256sum", out.resolve("report.pdf")));
    String head = events.get(events.size() - 2).get("hash").asText();
    assertThat(rendered.get("data").get("logHead").get("hash").asText()).isEqualTo(head);
    String text = ExternalTool.ok("pdftotext", "-layout", out.resolve("report.pdf").toString(), "-");
    assertThat(text.replaceAll("\\s+", "")).contains(head);
    assertThat(Cli.run("report", "custody", out.toString()).exitCode()).isZero();
  }

  @Test
  void report_embedsManifestAndLogByteForByteAsTheyWereAtRenderTime() throws Exception {
    Path out = acquire(jane.options());
    byte[] manifest = Files.readAllBytes(out.resolve("acquisition.json"));
    byte[] log = Files.readAllBytes(out.resolve("custody.jsonl"));
    Path extracted = Files.createDirectories(temp.resolve("extracted"));

    ExternalTool.ok("pdfdetach", "-saveall", "-o", extracted.toString(), out.resolve("report.pdf").toString());

    assertThat(Files.readAllBytes(extracted.resolve("acquisition.json"))).isEqualTo(manifest);
    byte[] embeddedLog = Files.readAllBytes(extracted.resolve("custody.jsonl"));
    assertThat(new String(log, StandardCharsets.UTF_8)).as("the embedded log is the log up to the report-rendered event")
        .startsWith(new String(embeddedLog, StandardCharsets.UTF_8));
    assertThat(embeddedLog.length).isLessThan(log.length);
  }

  @Test
  void renderAgain_writesReport2_andLeavesTheFirstUntouched() throws Exception {
    Path out = acquire(jane.options());
    byte[] first = Files.readAllBytes(out.resolve("report.pdf"));

    List<String> args = new ArrayList<>(List.of("report", "render", out.toString()));
    args.addAll(List.of(jane.options()));
    Cli.Run run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("report-2.pdf")).isRegularFile();
    assertThat(Files.readAllBytes(out.resolve("report.pdf"))).isEqualTo(first);
    assertThat(events(out)).extracting(event -> event.get("type").asText()).endsWith("report-rendered", "report-rendered");
  }

  /** The second report tells in words of the first: its name, SHA-256 and size, and the log head it covered. */
  @Test
  void renderAgain_custodyTableSaysWhichReportWasRenderedOverWhichHead() throws Exception {
    Path out = acquire(jane.options());
    JsonNode first = events(out).get(events(out).size() - 1).get("data");
    List<String> args = new ArrayList<>(List.of("report", "render", out.toString()));
    args.addAll(List.of(jane.options()));
    assertThat(Cli.run(args.toArray(String[]::new)).exitCode()).isZero();

    // pdftotext breaks a hash where the table cell wraps it: compare with the spaces taken out.
    String pdf = ExternalTool.ok("pdftotext", out.resolve("report-2.pdf").toString(), "-");
    String custody = Cli.run("report", "custody", out.toString()).out();

    String sentence = "Report report.pdf rendered (SHA-256 " + ExternalTool.digestOf("sha256sum", out.resolve("report.pdf")) + ", "
        + Files.size(out.resolve("report.pdf")) + " bytes, signed), covering the log up to event #"
        + first.path("logHead").path("seq").asLong() + " (hash " + first.path("logHead").path("hash").asText() + ")";
    assertThat(pdf.replaceAll("\\s+", "")).contains(sentence.replaceAll("\\s+", ""));
    assertThat(custody).contains(sentence.replace("event #", "event "));
    assertThat(pdf + custody).doesNotContain("{", "}", "logHead");
  }

  @Test
  void report_labCaTrustedInAnNssDatabase_pdfsigTrustsTheSignersCertificate() throws Exception {
    Path out = acquire(jane.options());
    Path nss = Files.createDirectories(temp.resolve("nss"));
    ExternalTool.ok("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
    // Trusted as a CA for S/MIME (the "C" in the second place), which is how poppler checks a signer.
    ExternalTool.ok("certutil", "-A", "-d", "sql:" + nss, "-n", "custos-lab-ca", "-t", "CT,C,C",
        "-i", keys.resolve("lab-ca.pem").toString());

    String pdfsig = ExternalTool.run(List.of("pdfsig", "-nssdir", "sql:" + nss, out.resolve("report.pdf").toString())).stdout();

    assertThat(pdfsig).contains("Signature is Valid", "Certificate is Trusted");
  }

  @Test
  void acquisitionWithTsa_reportSignatureCarriesATimestampToken() throws Exception {
    Path out;
    try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
      List<String> options = new ArrayList<>(List.of(jane.options()));
      options.addAll(List.of("--tsa", tsa.url()));
      out = acquire(options.toArray(String[]::new));
    }

    String pdfsig = ExternalTool.run(List.of("pdfsig", "-nocert", out.resolve("report.pdf").toString())).stdout();
    assertThat(pdfsig).contains("Signature is Valid");
    assertThat(ExternalTool.ok("pdftotext", "-layout", out.resolve("report.pdf").toString(), "-")).contains("127.0.0.1");
  }

  @Test
  void renderWithTsaNotAnswering_exit3OneLineNoReportNoEvent() throws Exception {
    Path out = acquire(jane.options());
    String closed;
    try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
      closed = tsa.url();
    }
    long eventsBefore = events(out).size();

    List<String> args = new ArrayList<>(List.of("report", "render", out.toString(), "--tsa", closed));
    args.addAll(List.of(jane.options()));
    Cli.Run run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("did not answer").doesNotContain("Exception");
    assertThat(out.resolve("report-2.pdf")).doesNotExist();
    assertThat(events(out)).hasSize((int) eventsBefore);
  }

  @Test
  void hostileText_rendersNothingCutAndNamesWhatTheFontsCannotShow() throws Exception {
    Path out = temp.resolve("evidence");
    String notes = "start " + "very long note ".repeat(400) + "עברית مرحبا 日本語 ☃ END-OF-NOTE";
    Cli.Run run = Cli.run("acquire", "image", Evidence.FLOPPY.toString(), "--out", out.toString(), "--unsigned",
        "--case", "C<>&\"-1", "--evidence", "证据-01", "--examiner", "Jane \"Q\" Doe", "--notes", notes);
    assertThat(run.exitCode()).as(run.err()).isZero();

    String text = ExternalTool.ok("pdftotext", "-raw", out.resolve("report.pdf").toString(), "-");

    assertThat(text).contains("C<>&\"-1", "Jane \"Q\" Doe", "END-OF-NOTE", "☃");
    // Right-to-left text is drawn in logical order, not shaped: pdftotext may give it either way round.
    assertThat(text.contains("עברית") || text.contains("תירבע")).as("the Hebrew word, in some order").isTrue();
    // Every word of the note is there, across wrapped lines and page breaks (where header and footer intervene):
    // in the Notes field, and again in the command line as typed.
    assertThat(java.util.regex.Pattern.compile("\\bvery\\b").matcher(text).results().count()).as("the long note whole, twice")
        .isEqualTo(2 * 400);
    assertThat(text).contains("Characters not shown", "U+65E5", "U+8BC1");
    assertThat(ExternalTool.run(List.of("qpdf", "--check", out.resolve("report.pdf").toString())).exitCode()).isZero();
  }

  @Test
  void unsignedAcquisition_reportSaysUnsignedAndCarriesNoSignature() throws Exception {
    Path out = acquire("--unsigned");
    Path report = out.resolve("report.pdf");

    String text = ExternalTool.ok("pdftotext", "-layout", report.toString(), "-");
    assertThat(text).contains("UNSIGNED");
    ExternalTool.Result pdfsig = ExternalTool.run(List.of("pdfsig", report.toString()));
    assertThat(pdfsig.stdout() + pdfsig.stderr()).contains("does not contain any signatures");
  }
}

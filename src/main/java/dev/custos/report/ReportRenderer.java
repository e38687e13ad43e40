package dev.custos.report;

import dev.custos.evidence.RecordedManifest;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.TimeDisplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;

/**
 * Renders the acquisition report: an unsigned PDF/A-3b document, A4, every font embedded DejaVu,
 * with {@code acquisition.json} and {@code custody.jsonl} attached as associated files.
 *
 * <p>Deterministic: the same {@link ReportInput} always gives the same bytes. Every date in the PDF
 * is {@link ReportInput#renderedAt()} and the trailer ID is the MD5 of the manifest bytes, the log
 * bytes and that instant. Thread safe: every call works on its own document.
 */
public final class ReportRenderer {
  private static final String PRODUCER = "Custos (Apache PDFBox)";

  private ReportRenderer() {}

  /**
   * The bytes of a complete, unsigned PDF/A-3b report of {@code input}.
   *
   * @throws NullPointerException when {@code input} is null
   * @throws UncheckedIOException when PDFBox cannot build the document (a bundled font or the colour
   *     profile missing from the jar, or a bug): nothing is written anywhere
   */
  public static byte[] render(ReportInput input) {
    RecordedManifest manifest = input.manifest();
    String caseId = manifest.caseInfo().caseId();
    String evidenceId = manifest.caseInfo().evidenceId();
    String tool = manifest.tool().name() + " " + manifest.tool().version();
    String renderedAt = EvidenceClock.format(input.renderedAt());
    // The acquisition workstation's zone, as its manifest records it: the same local times wherever the report is rendered.
    TimeDisplay times = manifest.host().times();
    try (PDDocument document = new PDDocument()) {
      document.setVersion(1.7f);
      ReportFonts fonts = new ReportFonts(document);
      PageWriter page = new PageWriter(document, fonts);
      OverviewSections.write(page, manifest, input.signature(), input.renderedAt(), times);
      DriveIdentitySection.write(page, manifest, input.driveIdentity());
      StructureSection.write(page, manifest);
      DamageSections.write(page, manifest);
      VerificationSection.write(page, input.events(), times);
      CustodySections.write(page, input, times);
      noteReplacedCharacters(page, fonts);
      if (input.signature().signed()) {
        SignatureBox.reserve(page);
      }
      page.finish("Custos acquisition report \u00b7 Case " + caseId + " \u00b7 Evidence " + evidenceId,
          "Case " + caseId + " \u00b7 Evidence " + evidenceId + " \u00b7 rendered " + renderedAt + " UTC");

      String title = "Acquisition report: case " + caseId + ", evidence " + evidenceId;
      PdfaMetadata.apply(document, new PdfaMetadata.Description(title,
          manifest.caseInfo().examiner(),
          "Forensic acquisition of " + manifest.source().path() + " with " + tool,
          tool, PRODUCER, input.renderedAt()), documentId(input));
      Attachments.embed(document, List.of(
          new Attachments.Attachment("acquisition.json", Attachments.JSON,
              "The acquisition manifest: source, parameters, digests, piece digests, bad sectors, timings",
              input.manifestBytes(), manifest.timing().ended()),
          new Attachments.Attachment("custody.jsonl", Attachments.JSON_LINES,
              "The chain-of-custody log (JSON Lines, one hash-chained event a line) as it was at rendering",
              input.custodyBytes(), input.head() == null ? input.renderedAt() : input.head().time())));

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report", e);
    }
  }

  /** Says which characters the fonts could not show, so that nothing is replaced silently. */
  private static void noteReplacedCharacters(PageWriter page, ReportFonts fonts) {
    java.util.SortedSet<Integer> replaced = fonts.replaced();
    if (replaced.isEmpty()) {
      return;
    }
    int shown = 60;
    String list = replaced.stream().limit(shown).map(c -> String.format(java.util.Locale.ROOT, "U+%04X", c))
        .collect(java.util.stream.Collectors.joining(", "));
    page.heading("Characters not shown");
    page.paragraph("The report's fonts cannot show " + replaced.size() + " of the characters in the record (control "
        + "characters, or scripts and symbols without a glyph in DejaVu); each was printed as ? above: " + list
        + (replaced.size() > shown ? ", and " + (replaced.size() - shown) + " more" : "")
        + ". The exact text is in the embedded acquisition.json and custody.jsonl.",
        new Style(fonts.regular, 9.5f, Style.INK));
  }

  /** MD5 of the manifest, the log and the rendering time: a stable ID for the same content. */
  private static byte[] documentId(ReportInput input) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(input.manifestBytes());
      md5.update(ByteBuffer.allocate(Long.BYTES).putLong(input.custodyBytes().length).array());
      md5.update(input.custodyBytes());
      md5.update(EvidenceClock.format(input.renderedAt()).getBytes(StandardCharsets.UTF_8));
      return md5.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }
}

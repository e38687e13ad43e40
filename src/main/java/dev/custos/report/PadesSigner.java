package dev.custos.report;

import dev.custos.crypto.Signer;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.error.SigningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Signs a finished PDF as a PAdES baseline B signature (ETSI EN 319 142-1): an incremental update
 * that adds one signature field, {@code /Filter /Adobe.PPKLite}, {@code /SubFilter
 * /ETSI.CAdES.detached}, the signing time in {@code /M}, and {@code /Contents} the detached CMS of
 * {@link CadesSignature} over the whole file but {@code /Contents} itself ({@code /ByteRange}).
 * With a timestamp authority, the CMS also carries an RFC 3161 token over the signature value
 * (PAdES-BASELINE-T). The signature shows on the last page, in {@link SignatureBox} (signer,
 * signing time, certificate SHA-256), its widget printable, as PDF/A requires. Stateless.
 */
public final class PadesSigner {
  /** Room reserved for the CMS: the signature, the chain, and later a timestamp token. */
  private static final int SIGNATURE_SIZE = 32 * 1024;

  private PadesSigner() {}

  /**
   * The bytes of {@code pdf} with {@code signer}'s signature appended.
   *
   * @param reason why it is signed, as the signature dictionary's {@code /Reason}
   * @param location where, as {@code /Location} (the workstation)
   * @param signingTime the signing time, for {@code /M}
   * @param authority the timestamp authority that stamps the signature (PAdES-BASELINE-T), or null
   * @throws SigningException if the timestamp authority fails; nothing signed is returned then
   */
  public static byte[] sign(byte[] pdf, Signer signer, String reason, String location, Instant signingTime,
      TimestampAuthority authority) throws SigningException {
    try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
      signature.setName(signer.name());
      signature.setReason(reason);
      signature.setLocation(location);
      signature.setSignDate(calendar(signingTime));
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      // PDFBox puts the new widget in the /Annots of this page (0-based; page 1 unless told): the
      // last page, where SignatureBox is kept free. A widget added elsewhere and moved afterwards
      // stays in the first page's /Annots too: PDFBox's annotation list drops removals through its
      // iterator without touching the array behind it.
      options.setPage(document.getNumberOfPages() - 1);
      document.addSignature(signature, options);
      showInTheBox(document, signer, signingTime);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      external.setSignature(CadesSignature.sign(external.getContent().readAllBytes(), signer, authority));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sign a PDF held in memory: " + e.getMessage(), e);
    }
  }

  /** Gives the new signature's widget, on the last page, {@link SignatureBox}'s place and its appearance, printable. */
  private static void showInTheBox(PDDocument document, Signer signer, Instant signingTime) throws IOException {
    List<PDSignatureField> fields = document.getSignatureFields();
    PDAnnotationWidget widget = fields.get(fields.size() - 1).getWidgets().get(0);
    PDPage last = document.getPage(document.getNumberOfPages() - 1);
    if (widget.getPage() == null || widget.getPage().getCOSObject() != last.getCOSObject()) {
      throw new IllegalStateException("PDFBox did not put the signature widget on the last page");
    }
    widget.setRectangle(SignatureBox.RECT);
    widget.setPrinted(true);
    widget.setAppearance(SignatureAppearance.of(document, signer, signingTime));
    widget.getCOSObject().setNeedToBeUpdated(true);
    last.getCOSObject().setNeedToBeUpdated(true);
  }

  private static Calendar calendar(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }
}

package dev.custos.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes the document PDF/A-3b besides embedded fonts: the document information dictionary
 * and the XMP metadata saying the same things (Title = dc:title, Author = dc:creator, Subject =
 * dc:description, Creator = xmp:CreatorTool, Producer = pdf:Producer, the dates = xmp:CreateDate
 * and xmp:ModifyDate, to the second, UTC), the PDF/A identification (part 3, conformance B), the
 * sRGB output intent, and a document ID derived from the content.
 */
final class PdfaMetadata {
  static final String SRGB = "sRGB IEC61966-2.1";
  private static final String ICC_PROFILE = "/dev/custos/report/sRGB.icc";

  /** The descriptive facts, identical in the information dictionary and the XMP. */
  record Description(String title, String author, String subject, String creator, String producer, Instant date) {}

  private PdfaMetadata() {}

  /** Sets the info dictionary, the XMP metadata, the output intent and the trailer ID (both halves {@code id}). */
  static void apply(PDDocument document, Description description, byte[] id) {
    Calendar date = calendar(description.date());
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(description.title());
    info.setAuthor(description.author());
    info.setSubject(description.subject());
    info.setCreator(description.creator());
    info.setProducer(description.producer());
    info.setCreationDate(date);
    info.setModificationDate(date);

    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDMetadata metadata = new PDMetadata(document);
    try {
      metadata.importXMPMetadata(xmp(description, date));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the XMP metadata", e);
    }
    catalog.setMetadata(metadata);
    catalog.addOutputIntent(outputIntent(document));

    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().setDocumentID(ids);
  }

  private static byte[] xmp(Description description, Calendar date) {
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(description.title());
    dc.addCreator(description.author());
    dc.addDescription(null, description.subject());
    dc.setFormat("application/pdf");
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreatorTool(description.creator());
    basic.setCreateDate(date);
    basic.setModifyDate(date);
    basic.setMetadataDate(date);
    AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
    pdf.setProducer(description.producer());
    PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
    try {
      pdfa.setPart(3);
      pdfa.setConformance("B");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new XmpSerializer().serialize(xmp, out, true);
      return out.toByteArray();
    } catch (BadFieldValueException | TransformerException e) {
      throw new IllegalStateException("cannot write the XMP metadata", e);
    }
  }

  private static PDOutputIntent outputIntent(PDDocument document) {
    try (InputStream profile = PdfaMetadata.class.getResourceAsStream(ICC_PROFILE)) {
      if (profile == null) {
        throw new IllegalStateException(ICC_PROFILE + " is missing from the jar");
      }
      PDOutputIntent intent = new PDOutputIntent(document, profile);
      intent.setInfo(SRGB);
      intent.setOutputCondition(SRGB);
      intent.setOutputConditionIdentifier(SRGB);
      intent.setRegistryName("http://www.color.org");
      return intent;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sRGB profile", e);
    }
  }

  /** {@code instant} to the second, in UTC: PDF dates have no milliseconds, so XMP gets none either. */
  static Calendar calendar(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    calendar.setTimeInMillis(instant.truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
    return calendar;
  }
}

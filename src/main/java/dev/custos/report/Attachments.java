package dev.custos.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds files as PDF/A-3 associated files: each in the EmbeddedFiles name tree and in the
 * catalog's {@code /AF} array, its file specification with {@code /F}, {@code /UF}, {@code /Desc}
 * and {@code /AFRelationship /Data}, its stream with the MIME type as {@code /Subtype} and
 * {@code /Params} holding {@code /Size}, {@code /ModDate} and {@code /CheckSum} (the MD5 of the
 * bytes, ISO 32000 7.11.4). The bytes are stored exactly as given (Flate-compressed).
 */
final class Attachments {
  /** MIME type of {@code acquisition.json}. */
  static final String JSON = "application/json";
  /** MIME type of {@code custody.jsonl}: JSON Lines, as jsonlines.org names it. */
  static final String JSON_LINES = "application/jsonl";

  /** One file to embed. */
  record Attachment(String name, String mimeType, String description, byte[] bytes, Instant modified) {}

  private Attachments() {}

  static void embed(PDDocument document, List<Attachment> attachments) {
    Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
    COSArray associated = new COSArray();
    for (Attachment attachment : attachments) {
      PDComplexFileSpecification spec = fileSpecification(document, attachment);
      byName.put(attachment.name(), spec);
      associated.add(spec.getCOSObject());
    }
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(byName);
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
    names.setEmbeddedFiles(tree);
    catalog.setNames(names);
    catalog.getCOSObject().setItem(COSName.AF, associated);
  }

  private static PDComplexFileSpecification fileSpecification(PDDocument document, Attachment attachment) {
    byte[] bytes = attachment.bytes();
    PDEmbeddedFile file;
    try {
      file = new PDEmbeddedFile(document, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot embed " + attachment.name(), e);
    }
    file.getCOSObject().setItem(COSName.TYPE, COSName.EMBEDDED_FILE);
    file.setSubtype(attachment.mimeType());
    COSDictionary params = new COSDictionary();
    params.setLong(COSName.SIZE, bytes.length);
    params.setDate(COSName.MOD_DATE, PdfaMetadata.calendar(attachment.modified()));
    params.setItem(COSName.getPDFName("CheckSum"), new COSString(md5(bytes)));
    file.getCOSObject().setItem(COSName.PARAMS, params);

    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(attachment.name());
    spec.setFileUnicode(attachment.name());
    spec.setFileDescription(attachment.description());
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
    return spec;
  }

  static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }
}

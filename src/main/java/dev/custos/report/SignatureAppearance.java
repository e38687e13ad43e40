package dev.custos.report;

import dev.custos.crypto.Signer;
import dev.custos.evidence.EvidenceClock;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The visible face of the report's signature, drawn in {@link SignatureBox}: who signed, when (UTC),
 * and the certificate's SHA-256, in DejaVu Sans Mono embedded whole (an incremental update cannot
 * rely on the subset the pages use, and PDF/A wants every glyph embedded).
 */
final class SignatureAppearance {
  private static final float SIZE = 8.5f;

  private SignatureAppearance() {}

  static PDAppearanceDictionary of(PDDocument document, Signer signer, Instant signingTime) throws IOException {
    PDFont font;
    try (InputStream in = SignatureAppearance.class.getResourceAsStream("/dev/custos/report/DejaVuSansMono.ttf")) {
      if (in == null) {
        throw new IOException("DejaVuSansMono.ttf is missing from the jar");
      }
      font = PDType0Font.load(document, in, false);
    }
    PDRectangle box = SignatureBox.RECT;
    PDAppearanceStream stream = new PDAppearanceStream(document);
    stream.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
    stream.setResources(new PDResources());
    String fingerprint = signer.certificateSha256();
    String[] lines = {
        "Digitally signed (PAdES) by " + signer.name(),
        "Signing time " + EvidenceClock.format(signingTime) + " UTC",
        "Certificate SHA-256 " + group(fingerprint.substring(0, 32)),
        "                    " + group(fingerprint.substring(32))};
    try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
      content.setStrokingColor(new Color(0x1f, 0x4e, 0x79));
      content.setLineWidth(0.8f);
      content.addRect(0.5f, 0.5f, box.getWidth() - 1, box.getHeight() - 1);
      content.stroke();
      content.setNonStrokingColor(Color.BLACK);
      content.beginText();
      content.setFont(font, SIZE);
      content.newLineAtOffset(8, box.getHeight() - 14);
      for (String line : lines) {
        content.showText(printable(line, font));
        content.newLineAtOffset(0, -(SIZE + 4));
      }
      content.endText();
    }
    PDAppearanceDictionary appearance = new PDAppearanceDictionary();
    appearance.setNormalAppearance(stream);
    return appearance;
  }

  private static String group(String hex) {
    return hex.replaceAll("(.{8})(?=.)", "$1 ");
  }

  /** The signer's name as the font can show it: what it lacks becomes {@code ?} (the pages list such characters). */
  private static String printable(String text, PDFont font) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (ReportFonts.canShow(font, c)) {
        out.appendCodePoint(c);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }
}

package dev.custos.report;

import java.awt.Color;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** A font, its size and colour; {@link #leading()} is the distance between baselines. */
record Style(PDFont font, float size, Color color) {
  static final Color INK = new Color(0x1a, 0x1a, 0x1a);
  static final Color MUTED = new Color(0x5f, 0x63, 0x68);
  static final Color ALERT = new Color(0xb0, 0x00, 0x20);

  float leading() {
    return size * 1.35f;
  }

  /** Width of {@code text} in points; the text must be printable ({@link ReportFonts#printable}). */
  float width(String text) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot measure text in " + font.getName(), e);
    }
  }

  Style sized(float newSize) {
    return new Style(font, newSize, color);
  }

  Style colored(Color newColor) {
    return new Style(font, size, newColor);
  }
}

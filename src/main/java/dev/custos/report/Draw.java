package dev.custos.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Vector drawing on a content stream (paths only, no images, no transparency), unchecked. */
final class Draw {
  private final PDPageContentStream content;

  Draw(PDPageContentStream content) {
    this.content = content;
  }

  void fillRect(float x, float y, float width, float height, Color color) {
    try {
      content.setNonStrokingColor(color);
      content.addRect(x, y, width, height);
      content.fill();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw", e);
    }
  }

  void strokeRect(float x, float y, float width, float height, Color color, float lineWidth) {
    try {
      content.setStrokingColor(color);
      content.setLineWidth(lineWidth);
      content.addRect(x, y, width, height);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw", e);
    }
  }

  void line(float x1, float y1, float x2, float y2, Color color, float lineWidth) {
    polyline(new float[] {x1, x2}, new float[] {y1, y2}, color, lineWidth);
  }

  /** An open path through the points {@code (xs[i], ys[i])}. */
  void polyline(float[] xs, float[] ys, Color color, float lineWidth) {
    try {
      content.setStrokingColor(color);
      content.setLineWidth(lineWidth);
      content.moveTo(xs[0], ys[0]);
      for (int i = 1; i < xs.length; i++) {
        content.lineTo(xs[i], ys[i]);
      }
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw", e);
    }
  }
}

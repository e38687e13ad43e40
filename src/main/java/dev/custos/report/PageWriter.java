package dev.custos.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes A4 pages top to bottom with a cursor, starting a new page whenever the next line or block
 * does not fit above the footer; {@link #finish} then puts the running header and the footer with
 * "page X of Y" on every page. Not thread safe: one per document, used by one thread.
 */
final class PageWriter {
  static final PDRectangle PAGE = PDRectangle.A4;
  static final float LEFT = 56;
  static final float RIGHT = PAGE.getWidth() - 56;
  static final float TOP = PAGE.getHeight() - 66;
  static final float BOTTOM = 62;
  static final float LABEL_WIDTH = 150;
  /** Lines of text a section title keeps below it on its page, at least. */
  private static final int LINES_AFTER_HEADING = 3;
  /** Lines of a paragraph or field never left alone on either side of a page break. */
  private static final int KEPT_LINES = 2;

  final ReportFonts fonts;
  final Style body;
  final Style bold;
  final Style label;
  final Style mono;
  final Style small;
  private final PDDocument document;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream content;
  private float y;
  /** A section title not drawn yet: it goes on the page where what follows it starts. */
  private String pendingHeading;

  PageWriter(PDDocument document, ReportFonts fonts) {
    this.document = document;
    this.fonts = fonts;
    body = new Style(fonts.regular, 9.5f, Style.INK);
    bold = new Style(fonts.bold, 9.5f, Style.INK);
    label = new Style(fonts.bold, 8.5f, Style.MUTED);
    mono = new Style(fonts.mono, 9f, Style.INK);
    small = new Style(fonts.regular, 7.5f, Style.MUTED);
    newPage();
  }

  /** Width of the text column, in points. */
  float width() {
    return RIGHT - LEFT;
  }

  /** The cursor: the top of the next thing written (below a section title waiting to be drawn). */
  float y() {
    drawPendingHeading();
    return y;
  }

  /** Whether the cursor is at the top of a page with nothing written on it. */
  boolean atTop() {
    return pendingHeading == null && y == TOP;
  }

  /** The current page's content stream; it changes when a new page starts. */
  PDPageContentStream content() {
    drawPendingHeading();
    return content;
  }

  int pageCount() {
    return pages.size();
  }

  /** Moves the cursor down by {@code points}, never below the bottom margin. */
  void down(float points) {
    drawPendingHeading();
    y = Math.max(BOTTOM, y - points);
  }

  /** Whether {@code height} points still fit on this page (below a section title waiting to be drawn). */
  boolean fits(float height) {
    return y - (pendingHeading == null ? 0 : headingHeight()) - height >= BOTTOM;
  }

  /**
   * Starts a new page unless {@code height} points still fit on this one. A section title waiting
   * to be drawn goes with them: it never ends a page on its own.
   */
  void ensure(float height) {
    if (pendingHeading != null) {
      if (!fits(Math.max(height, LINES_AFTER_HEADING * body.leading()))) {
        newPage();
      }
      drawPendingHeading();
    }
    if (!fits(height)) {
      newPage();
    }
  }

  /** Closes the current page and starts the next, cursor at the top. */
  void newPage() {
    closeContent();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    pages.add(page);
    content = open(page, AppendMode.OVERWRITE);
    y = TOP;
  }

  /**
   * A section title. It is drawn only with what follows it (the first {@link #ensure} after it
   * decides the page), so it stays on the page with at least three lines, or the whole first block
   * (a table's first rows, a graph) of its section.
   */
  void heading(String title) {
    drawPendingHeading();
    pendingHeading = title;
  }

  private Style headingStyle() {
    return new Style(fonts.bold, 12.5f, Style.INK);
  }

  /** Height of a section title with the space around it. */
  float headingHeight() {
    return 8 + headingStyle().leading() + 5;
  }

  private void drawPendingHeading() {
    if (pendingHeading == null) {
      return;
    }
    String title = pendingHeading;
    pendingHeading = null;
    if (!fits(headingHeight() + LINES_AFTER_HEADING * body.leading())) {
      newPage();
    }
    Style style = headingStyle();
    down(8);
    line(LEFT, y - style.size(), style, title);
    down(style.leading());
    rule(LEFT, RIGHT, y + 2, Style.MUTED, 0.6f);
    down(5);
  }

  /**
   * Wrapped text across the full width, one line at a time, so it breaks across pages; but never
   * leaving one of its lines alone at the foot or the head of a page.
   */
  void paragraph(String text, Style style) {
    paragraph(text, style, LEFT, width());
  }

  void paragraph(String text, Style style, float x, float columnWidth) {
    List<String> lines = TextWrap.lines(fonts.printable(text, style.font()), style, columnWidth);
    for (int i = 0; i < lines.size(); i++) {
      ensure(keptLines(i, lines.size()) * style.leading());
      line(x, y - style.size(), style, lines.get(i));
      down(style.leading());
    }
  }

  /**
   * How many lines from line {@code i} of {@code count} must fit on the page for line {@code i} to
   * go there: a short block whole, else the first two together and the last two together.
   */
  private static int keptLines(int i, int count) {
    if (i == 0) {
      return count <= KEPT_LINES + 1 ? count : KEPT_LINES;
    }
    return i == count - KEPT_LINES ? KEPT_LINES : 1;
  }

  /** Height of {@code text} set as a {@link #paragraph} in {@code style} across the full width. */
  float height(String text, Style style) {
    return TextWrap.lines(fonts.printable(text, style.font()), style, width()).size() * style.leading();
  }

  /** Height of a {@link #field} whose value is {@code value} in {@code valueStyle}. */
  float fieldHeight(String value, Style valueStyle) {
    return TextWrap.lines(fonts.printable(value, valueStyle.font()), valueStyle, width() - LABEL_WIDTH).size()
        * Math.max(label.leading(), valueStyle.leading());
  }

  /** A labelled fact: the label on the left, the value wrapped in the column beside it. */
  void field(String name, String value, Style valueStyle) {
    List<String> lines = TextWrap.lines(fonts.printable(value, valueStyle.font()), valueStyle, width() - LABEL_WIDTH);
    float lineHeight = Math.max(label.leading(), valueStyle.leading());
    for (int i = 0; i < lines.size(); i++) {
      ensure(keptLines(i, lines.size()) * lineHeight);
      if (i == 0) {
        line(LEFT, y - valueStyle.size(), label, fonts.printable(name, label.font()));
      }
      line(LEFT + LABEL_WIDTH, y - valueStyle.size(), valueStyle, lines.get(i));
      down(lineHeight);
    }
  }

  void field(String name, String value) {
    field(name, value, body);
  }

  /** Draws one line of printable text with its baseline at {@code baseline}. */
  void line(float x, float baseline, Style style, String printableText) {
    drawPendingHeading();
    try {
      content.beginText();
      content.setFont(style.font(), style.size());
      content.setNonStrokingColor(style.color());
      content.newLineAtOffset(x, baseline);
      content.showText(printableText);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write text", e);
    }
  }

  /** A horizontal line at height {@code at}. */
  void rule(float from, float to, float at, Color color, float lineWidth) {
    drawPendingHeading();
    try {
      content.setStrokingColor(color);
      content.setLineWidth(lineWidth);
      content.moveTo(from, at);
      content.lineTo(to, at);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw a line", e);
    }
  }

  /**
   * Ends the document's body: every page gets {@code header} at the top and {@code footer} with
   * "page X of Y" at the bottom. Nothing may be written after.
   */
  void finish(String header, String footer) {
    drawPendingHeading();
    closeContent();
    int total = pages.size();
    for (int i = 0; i < total; i++) {
      content = open(pages.get(i), AppendMode.APPEND);
      String headerText = fonts.printable(header, small.font());
      line(LEFT, PAGE.getHeight() - 40, small, headerText);
      rule(LEFT, RIGHT, PAGE.getHeight() - 46, Style.MUTED, 0.4f);
      rule(LEFT, RIGHT, 46, Style.MUTED, 0.4f);
      line(LEFT, 34, small, fonts.printable(footer, small.font()));
      String pageText = "page " + (i + 1) + " of " + total;
      line(RIGHT - small.width(pageText), 34, small, pageText);
      closeContent();
    }
  }

  private PDPageContentStream open(PDPage page, AppendMode mode) {
    try {
      return new PDPageContentStream(document, page, mode, true, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a page", e);
    }
  }

  private void closeContent() {
    if (content == null) {
      return;
    }
    try {
      content.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close a page", e);
    } finally {
      content = null;
    }
  }
}

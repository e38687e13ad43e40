package dev.custos.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written through a {@link PageWriter}: cells wrap inside their column, a row that does not
 * fit continues on the next page, and every page the table reaches starts with the column titles
 * again. Rows are shaded alternately so a reader's eye keeps the line. Not thread safe.
 */
final class Table {
  private static final float PAD = 3;
  private static final Color SHADE = new Color(0xf0, 0xf2, 0xf4);

  /** A column: its title, width in points and the style of its cells. */
  record Column(String title, float width, Style style) {}

  private final PageWriter page;
  private final List<Column> columns;
  private final float lineHeight;
  private boolean shaded;

  /** Starts the table at the cursor with its column titles; the widths should add up to the page's. */
  Table(PageWriter page, List<Column> columns) {
    this.page = page;
    this.columns = List.copyOf(columns);
    this.lineHeight = (float) columns.stream().mapToDouble(column -> column.style().leading()).max().orElse(10);
    header();
  }

  /** Adds a row, one cell per column (missing cells are empty). */
  void row(String... cells) {
    List<List<String>> wrapped = new ArrayList<>();
    int total = 1;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String cell = i < cells.length && cells[i] != null ? cells[i] : "";
      List<String> lines = TextWrap.lines(page.fonts.printable(cell, column.style().font()), column.style(),
          column.width() - 2 * PAD);
      wrapped.add(lines);
      total = Math.max(total, lines.size());
    }
    int done = 0;
    while (done < total) {
      if (!page.fits(lineHeight + 2 * PAD)) {
        page.newPage();
        header();
      }
      int room = (int) ((page.y() - PageWriter.BOTTOM - 2 * PAD) / lineHeight);
      int take = Math.min(room, total - done);
      float height = take * lineHeight + 2 * PAD;
      if (shaded) {
        fill(page.y() - height, height);
      }
      float x = PageWriter.LEFT;
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        List<String> lines = wrapped.get(i);
        for (int line = done; line < Math.min(lines.size(), done + take); line++) {
          float baseline = page.y() - PAD - (line - done) * lineHeight - column.style().size();
          page.line(x + PAD, baseline, column.style(), lines.get(line));
        }
        x += column.width();
      }
      page.down(height);
      done += take;
    }
    shaded = !shaded;
  }

  /** Ends the table with a rule and a little space. */
  void end() {
    page.rule(PageWriter.LEFT, PageWriter.LEFT + totalWidth(), page.y(), Style.MUTED, 0.4f);
    page.down(6);
  }

  private void header() {
    Style title = page.label;
    page.ensure(title.leading() + 2 * PAD + lineHeight + 2 * PAD);
    float x = PageWriter.LEFT;
    for (Column column : columns) {
      page.line(x + PAD, page.y() - PAD - title.size(), title, page.fonts.printable(column.title(), title.font()));
      x += column.width();
    }
    page.down(title.leading() + 2 * PAD);
    page.rule(PageWriter.LEFT, PageWriter.LEFT + totalWidth(), page.y() + 1, Style.MUTED, 0.6f);
    shaded = false;
  }

  private float totalWidth() {
    return (float) columns.stream().mapToDouble(Column::width).sum();
  }

  private void fill(float bottom, float height) {
    try {
      page.content().setNonStrokingColor(SHADE);
      page.content().addRect(PageWriter.LEFT, bottom, totalWidth(), height);
      page.content().fill();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot shade a row", e);
    }
  }
}

package dev.custos.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written through a {@link PageWriter}: cells wrap inside their column, and rows are laid
 * out on {@link #end}, when all are known, so that a break never leaves a lone row: a table breaks
 * only between rows, with at least two on each side of every break, and starts on the next page
 * whole when it is too short for that. Every page it reaches starts with its column titles again.
 * Only a row taller than a page is split across pages. Rows are shaded alternately so a reader's
 * eye keeps the line. Not thread safe.
 */
final class Table {
  private static final float PAD = 3;
  private static final Color SHADE = new Color(0xf0, 0xf2, 0xf4);
  /** Rows a table keeps together on each side of a page break. */
  private static final int KEPT_ROWS = 2;

  /** A column: its title, width in points and the style of its cells. */
  record Column(String title, float width, Style style) {}

  /** A row's cells, each wrapped into its lines. */
  private record Row(List<List<String>> cells, int lines) {}

  private final PageWriter page;
  private final List<Column> columns;
  private final float lineHeight;
  private final List<Row> rows = new ArrayList<>();
  private boolean shaded;

  /** A table of {@code columns}, whose widths should add up to the page's; nothing is drawn until {@link #end}. */
  Table(PageWriter page, List<Column> columns) {
    this.page = page;
    this.columns = List.copyOf(columns);
    this.lineHeight = (float) columns.stream().mapToDouble(column -> column.style().leading()).max().orElse(10);
  }

  /** Adds a row, one cell per column (missing cells are empty). */
  void row(String... cells) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String cell = i < cells.length && cells[i] != null ? cells[i] : "";
      List<String> cellLines = TextWrap.lines(page.fonts.printable(cell, column.style().font()), column.style(),
          column.width() - 2 * PAD);
      wrapped.add(cellLines);
      lines = Math.max(lines, cellLines.size());
    }
    rows.add(new Row(wrapped, lines));
  }

  /** Draws the table at the cursor, its titles and rows, then a rule and a little space. */
  void end() {
    page.ensure(openingHeight());
    int next = 0;
    int fromLine = 0;
    while (next < rows.size()) {
      int fit = fitting(next, fromLine);
      int take = fit;
      int left = rows.size() - next;
      if (fit < left && fromLine == 0) {
        // A break here: leave at least two rows for the next page, and put at least two on this one,
        // or start on the next page. Only on a page of its own may a row too tall for that stand alone.
        take = Math.min(fit, left - KEPT_ROWS);
        if (take < KEPT_ROWS && !page.atTop()) {
          page.newPage();
          continue;
        }
        take = Math.max(take, Math.min(fit, 1));
      }
      header();
      if (take == 0) {
        fromLine = drawLines(rows.get(next), fromLine, linesThatFit());
      } else {
        for (int i = next; i < next + take; i++) {
          drawLines(rows.get(i), i == next ? fromLine : 0, Integer.MAX_VALUE);
        }
        next += take;
        fromLine = 0;
      }
      if (next < rows.size()) {
        page.newPage();
      }
    }
    if (rows.isEmpty()) {
      header();
    }
    page.rule(PageWriter.LEFT, PageWriter.LEFT + totalWidth(), page.y(), Style.MUTED, 0.4f);
    page.down(6);
  }

  /**
   * Height the table needs where it starts: its titles and its first two rows, or the whole of a
   * table too short to break; so that a caller can keep the text that introduces it on its page.
   */
  float openingHeight() {
    return headerHeight() + opening();
  }

  /** Height the table needs at its start: the whole of a short table, else its first rows. */
  private float opening() {
    int kept = rows.size() <= 2 * KEPT_ROWS - 1 ? rows.size() : KEPT_ROWS;
    float height = 0;
    for (int i = 0; i < kept; i++) {
      height += height(rows.get(i), 0);
    }
    // More than a page can hold starts where it is: it must break anyway.
    return Math.min(height, PageWriter.TOP - PageWriter.BOTTOM - headerHeight());
  }

  /** How many whole rows from {@code first} (from its line {@code fromLine}) fit below a header on this page. */
  private int fitting(int first, int fromLine) {
    float room = page.y() - PageWriter.BOTTOM - headerHeight();
    int count = 0;
    for (int i = first; i < rows.size(); i++) {
      room -= height(rows.get(i), i == first ? fromLine : 0);
      if (room < 0) {
        break;
      }
      count++;
    }
    return count;
  }

  private int linesThatFit() {
    return Math.max(1, (int) ((page.y() - PageWriter.BOTTOM - 2 * PAD) / lineHeight));
  }

  private float height(Row row, int fromLine) {
    return (row.lines() - fromLine) * lineHeight + 2 * PAD;
  }

  /** Draws at most {@code max} lines of {@code row} from line {@code from}; returns the first line not drawn. */
  private int drawLines(Row row, int from, int max) {
    int take = Math.min(max, row.lines() - from);
    float height = take * lineHeight + 2 * PAD;
    if (shaded) {
      fill(page.y() - height, height);
    }
    float x = PageWriter.LEFT;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      List<String> lines = row.cells().get(i);
      for (int line = from; line < Math.min(lines.size(), from + take); line++) {
        float baseline = page.y() - PAD - (line - from) * lineHeight - column.style().size();
        page.line(x + PAD, baseline, column.style(), lines.get(line));
      }
      x += column.width();
    }
    page.down(height);
    if (from + take == row.lines()) {
      shaded = !shaded;
    }
    return from + take;
  }

  private float headerHeight() {
    return page.label.leading() + 2 * PAD;
  }

  private void header() {
    Style title = page.label;
    float x = PageWriter.LEFT;
    for (Column column : columns) {
      page.line(x + PAD, page.y() - PAD - title.size(), title, page.fonts.printable(column.title(), title.font()));
      x += column.width();
    }
    page.down(headerHeight());
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

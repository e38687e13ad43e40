package dev.custos.report;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines that fit a width: at spaces, and inside words longer than a line (paths, hashes). */
final class TextWrap {
  private TextWrap() {}

  /**
   * The lines of printable {@code text} set in {@code style} within {@code width} points; explicit
   * line breaks are kept. Never empty: blank text gives one empty line.
   */
  static List<String> lines(String text, Style style, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      wrapParagraph(paragraph, style, width, lines);
    }
    return lines;
  }

  private static void wrapParagraph(String paragraph, Style style, float width, List<String> lines) {
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ", -1)) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (style.width(candidate) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (style.width(rest) > width) {
        int cut = fittingPrefix(rest, style, width);
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    lines.add(line.toString());
  }

  /** How many chars of {@code word} fit (at least one code point, so wrapping always progresses). */
  private static int fittingPrefix(String word, Style style, float width) {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (style.width(word.substring(0, next)) > width) {
        break;
      }
      end = next;
    }
    return end;
  }
}

package dev.custos.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The three DejaVu faces shipped in the jar, embedded (subset) in one document: PDF/A wants every
 * font embedded, so no standard-14 font is ever used. Set letter by letter, without the fonts'
 * ligatures, so that every printed character is one a reader copies. Not thread safe: one per
 * document.
 */
final class ReportFonts {
  private static final String RESOURCES = "/dev/custos/report/";

  final PDFont regular;
  final PDFont bold;
  final PDFont mono;
  private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
  private final java.util.SortedSet<Integer> replaced = new java.util.TreeSet<>();

  ReportFonts(PDDocument document) {
    regular = load(document, "DejaVuSans.ttf");
    bold = load(document, "DejaVuSans-Bold.ttf");
    mono = load(document, "DejaVuSansMono.ttf");
  }

  /**
   * {@code text} with what {@code font} cannot show replaced: line breaks kept ({@link TextWrap}
   * splits there), other white space by spaces, other control characters and characters without a glyph by {@code ?}.
   */
  String printable(String text, PDFont font) {
    Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> {
      if (codePoint == '\n') {
        out.append('\n');
      } else if (Character.isWhitespace(codePoint)) {
        out.append(' ');
      } else if (Character.isISOControl(codePoint) || !known.computeIfAbsent(codePoint, c -> canShow(font, c))) {
        out.append('?');
        replaced.add(codePoint);
      } else {
        out.appendCodePoint(codePoint);
      }
    });
    return out.toString();
  }

  /** Every character {@link #printable} has replaced by {@code ?} so far, in code point order. */
  java.util.SortedSet<Integer> replaced() {
    return java.util.Collections.unmodifiableSortedSet(replaced);
  }

  static boolean canShow(PDFont font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private static PDFont load(PDDocument document, String name) {
    try (InputStream in = ReportFonts.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("font " + name + " is missing from the jar");
      }
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
      // No glyph substitution: PDFBox would otherwise set "ff", "fi", "fl" as ligature glyphs, which a
      // reader's copy of the text (a digest, a path) gives back as U+FB00-FB02, matching nothing.
      font.setEnableGsub(false);
      return PDType0Font.load(document, font, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load font " + name, e);
    }
  }
}

package dev.custos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * What Custos prints to a terminal never steers it. Records hold what examiners and other tools
 * wrote (names, notes, paths, a custody log from anywhere), and a terminal obeys control
 * characters: ESC starts a sequence that can clear the screen, retitle the window or hide text, CR
 * overwrites a line, and bidirectional overrides show text in another order than it is recorded.
 * Values are escaped where they are printed ({@link #escape}), and every writer a command prints
 * through escapes what remains ({@link #guard}). Stateless.
 */
final class TerminalText {
  private TerminalText() {}

  /**
   * {@code value} on one line as a person reads it: control characters (line ends and tabs
   * included) and bidirectional embeddings, overrides and isolates as {@code \n}, {@code \r},
   * {@code \t} or {@code \}{@code uXXXX}, as JSON writes them; everything else as it is. Null gives the
   * text {@code null}.
   */
  static String escape(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder text = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String escaped = escaped(c, false);
      if (escaped != null && text == null) {
        text = new StringBuilder(value.length() + 16).append(value, 0, i);
      }
      if (text != null) {
        text.append(escaped != null ? escaped : String.valueOf(c));
      }
    }
    return text == null ? value : text.toString();
  }

  /**
   * A writer over {@code out} that lets line feeds, tabs and carriage returns through (the layout
   * of tables and the progress bar) and escapes every other control character and bidirectional
   * control, as {@link #escape} does: nothing a command prints can reach the terminal as a control
   * sequence, whatever a record holds. JSON stays JSON: such characters only occur inside its
   * strings, where the escape means the same character.
   */
  static PrintWriter guard(PrintWriter out) {
    return new PrintWriter(new Guard(out), true);
  }

  /** The escape for {@code c}, or null if it is printed as it is. */
  private static String escaped(char c, boolean layout) {
    switch (c) {
      case '\n':
        return layout ? null : "\\n";
      case '\t':
        return layout ? null : "\\t";
      case '\r':
        return layout ? null : "\\r";
      default:
        boolean control = Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        return control ? String.format(Locale.ROOT, "\\u%04X", (int) c) : null;
    }
  }

  private static final class Guard extends Writer {
    private final PrintWriter out;

    Guard(PrintWriter out) {
      super(out);
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      int from = offset;
      int end = offset + length;
      for (int i = offset; i < end; i++) {
        String escaped = escaped(chars[i], true);
        if (escaped != null) {
          out.write(chars, from, i - from);
          out.write(escaped);
          from = i + 1;
        }
      }
      out.write(chars, from, end - from);
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      out.close();
    }
  }
}

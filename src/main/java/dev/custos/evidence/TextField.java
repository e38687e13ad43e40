package dev.custos.evidence;

import java.util.Locale;

/**
 * Checks for the free-text fields an examiner types: case and evidence ids, names, notes, hand-over
 * parties. A value is recorded exactly as typed (only stripped of surrounding white space), or
 * refused with a message that names the field and the offending character, never by silently
 * dropping or replacing a character. Refused everywhere: control characters (C0, DEL, C1: NUL,
 * ESC, CR, …), which would let a record steer a terminal, and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text display in another order
 * than it is recorded, and the bidirectional marks (U+061C, U+200E, U+200F), which are invisible
 * and reorder neutral characters around them. Single-line fields (case and evidence ids, names,
 * hand-over parties) also refuse line and tab characters, U+2028/U+2029, and every other invisible
 * format character (Unicode category Cf: U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF, U+00AD
 * SOFT HYPHEN, …): a name that displays exactly like {@code Jane Doe} but is another string would
 * let a record name someone it does not match. Multi-line fields allow line feeds and tabs, and
 * the format characters that written languages need inside words (U+200C, U+200D). Stateless.
 */
public final class TextField {
  /** How much of a refused value a message shows. */
  private static final int SHOWN = 60;

  private TextField() {}

  /**
   * {@code value} stripped, required non-blank, at most {@code maxLength} characters, without the
   * characters the class comment lists.
   *
   * @throws IllegalArgumentException naming the field, the character and where it is
   */
  public static String require(String field, String value, int maxLength, boolean multiline) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      throw new IllegalArgumentException(field + " is " + stripped.length() + " characters long, at most " + maxLength + " allowed");
    }
    for (int i = 0; i < stripped.length(); ) {
      int c = stripped.codePointAt(i);
      String why = refusal(c, multiline);
      if (why != null) {
        throw new IllegalArgumentException(field + " holds " + why + " (" + name(c) + ") at character " + (i + 1)
            + ": '" + shown(stripped) + "'; write plain text");
      }
      i += Character.charCount(c);
    }
    return stripped;
  }

  /** Like {@link #require} but {@code null} or blank gives {@code null}. */
  public static String optional(String field, String value, int maxLength, boolean multiline) {
    return value == null || value.isBlank() ? null : require(field, value, maxLength, multiline);
  }

  /** Why {@code c} is refused, or null when it is not. */
  private static String refusal(int c, boolean multiline) {
    if (c == '\n' || c == '\t') {
      return multiline ? null : "a line break or tab";
    }
    if (Character.isISOControl(c)) {
      return "a control character";
    }
    if (isBidiControl(c)) {
      return "a bidirectional control, which displays text in another order than it is recorded";
    }
    if (!multiline && (c == '\u2028' || c == '\u2029')) {
      return "a line break";
    }
    if (Character.isSurrogate((char) c) && Character.charCount(c) == 1) {
      return "half of a surrogate pair, which is no character";
    }
    if (!multiline && isInvisible(c)) {
      return "an invisible format character, which makes the text display like another";
    }
    return null;
  }

  /**
   * Embeddings, overrides and isolates, which reorder what follows them on screen and in print, and
   * the invisible bidirectional marks (ARABIC LETTER MARK, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK).
   */
  static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0x200E || c == 0x200F;
  }

  /** A format character (Unicode category Cf): it has no glyph of its own. */
  static boolean isInvisible(int c) {
    return Character.getType(c) == Character.FORMAT;
  }

  private static String name(int c) {
    String name = Character.getName(c);
    return String.format(Locale.ROOT, "U+%04X", c) + (name == null ? "" : " " + name);
  }

  /** The value as a message shows it: escaped where it would steer a terminal, and cut short. */
  private static String shown(String value) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < value.length() && text.length() < SHOWN) {
      int c = value.codePointAt(i);
      if (Character.isISOControl(c) || isBidiControl(c) || isInvisible(c) || c == '\u2028' || c == '\u2029' || Character.isSurrogate((char) c)
          && Character.charCount(c) == 1) {
        text.append(String.format(Locale.ROOT, "\\u%04X", c));
      } else {
        text.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return i < value.length() ? text + "…" : text.toString();
  }
}

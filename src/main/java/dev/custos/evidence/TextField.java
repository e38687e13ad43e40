package dev.custos.evidence;

/** Checks for the free-text fields an examiner types: case, evidence, names, notes. */
final class TextField {
  private TextField() {}

  /**
   * {@code value} stripped, required non-blank, without control characters (but for line breaks
   * and tabs where {@code multiline}), at most {@code maxLength} characters.
   *
   * @throws IllegalArgumentException naming the field and the bad value
   */
  static String require(String field, String value, int maxLength, boolean multiline) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      throw new IllegalArgumentException(field + " is " + stripped.length() + " characters long, at most " + maxLength + " allowed");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean allowedBreak = multiline && (c == '\n' || c == '\t');
      if (Character.isISOControl(c) && !allowedBreak) {
        throw new IllegalArgumentException(field + " contains a control character (U+"
            + String.format(java.util.Locale.ROOT, "%04X", (int) c) + "): '" + stripped + "'");
      }
    }
    return stripped;
  }

  /** Like {@link #require} but {@code null} or blank gives {@code null}. */
  static String optional(String field, String value, int maxLength, boolean multiline) {
    return value == null || value.isBlank() ? null : require(field, value, maxLength, multiline);
  }
}

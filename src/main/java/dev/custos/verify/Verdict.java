package dev.custos.verify;

import java.util.Locale;

/** What a check concluded. */
public enum Verdict {
  /** Everything it looked at is as recorded. */
  PASS,
  /** Something differs from what was recorded; the problems say what and where. */
  FAIL,
  /** Not run: not asked for, or what it needs is missing (the summary says which). */
  SKIPPED;

  /** {@code pass}, {@code fail}, {@code skipped}: the JSON and table form. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

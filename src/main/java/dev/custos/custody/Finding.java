package dev.custos.custody;

import java.util.Objects;

/**
 * One thing wrong with a custody log, named by the line it is on.
 *
 * @param line the line of {@code custody.jsonl}, from 1; 0 for the log or its certificates as a whole
 * @param kind what kind of break
 * @param message one line for the examiner, without the line number
 */
public record Finding(int line, Kind kind, String message) {
  public Finding {
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, got " + line);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** {@code line 5: …}, or the message alone for the log as a whole. */
  @Override
  public String toString() {
    return line == 0 ? message : "line " + line + ": " + message;
  }

  /** What kind of break a finding is. */
  public enum Kind {
    /** The bytes of a line are not UTF-8. */
    NOT_UTF8,
    /** A line is not one JSON object. */
    NOT_JSON,
    /** A line is JSON but not a custody event as the schema describes it. */
    NOT_AN_EVENT,
    /** A line is not in the canonical form Custos writes: it was edited. */
    NOT_CANONICAL,
    /** An event's content does not match its hash: it was edited. */
    EDITED,
    /** A {@code seq} was skipped: an event is missing (deleted) or lines are out of order. */
    MISSING,
    /** A line repeats an earlier line. */
    DUPLICATED,
    /** A {@code seq} goes back: a line was inserted or moved. */
    OUT_OF_ORDER,
    /** {@code prev} does not match the previous event's hash. */
    CHAIN_BROKEN,
    /** The signature does not verify with the signer's certificate. */
    BAD_SIGNATURE,
    /** The signer's certificate is not in the evidence directory. */
    UNKNOWN_CERTIFICATE,
    /** The certificate does not match the event (name, validity) or its chain is broken. */
    CERTIFICATE_MISMATCH,
    /** The last line is complete but lacks its line end: it was edited. */
    NO_LINE_END,
    /**
     * The last line is cut short: what a crash during an append leaves, and also what cutting the
     * end of the log leaves. It does not break the chain of the whole events before it, but it
     * cannot show that none came after them ({@link TornLine#CANNOT_PROVE}).
     */
    TORN_LAST_LINE;

    /**
     * Whether the finding means the log was changed (everything but a torn last line, which may
     * or may not mean it: see {@link #TORN_LAST_LINE}).
     */
    public boolean breaksChain() {
      return this != TORN_LAST_LINE;
    }
  }
}
